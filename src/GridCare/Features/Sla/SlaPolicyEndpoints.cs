using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Sla;

/// <summary>
/// <c>/api/v1/sla/policies</c>: list, read, create, replace and disable (DELETE) SLA policies; administrators only
/// (the group's authorisation).
/// </summary>
public static class SlaPolicyEndpoints
{
    public static RouteGroupBuilder MapSlaPolicies(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/policies", ListSlaPoliciesAsync).WithName("ListSlaPolicies");
        group.MapGet("/policies/{id:int}", GetSlaPolicyAsync).WithName("GetSlaPolicy");
        group.MapPost("/policies", CreateSlaPolicyAsync).WithName("CreateSlaPolicy");
        group.MapPut("/policies/{id:int}", UpdateSlaPolicyAsync).WithName("UpdateSlaPolicy");
        group.MapDelete("/policies/{id:int}", DisableSlaPolicyAsync).WithName("DisableSlaPolicy");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<SlaPolicyResponse>>> ListSlaPoliciesAsync(GetSlaSettings handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.PoliciesAsync(cancellationToken));
    }

    public static async Task<Results<Ok<SlaPolicyResponse>, ProblemHttpResult>> GetSlaPolicyAsync(int id, GetSlaSettings handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.PolicyAsync(id, cancellationToken) is { } policy ? TypedResults.Ok(policy) : NotFound(id);
    }

    public static async Task<Results<Created<SlaPolicyResponse>, ValidationProblem>> CreateSlaPolicyAsync(
        SlaPolicyRequest request, StaffScope scope, EditSlaPolicies handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        return await handler.CreateAsync(request, scope.UserName, cancellationToken) switch
        {
            EditPolicyResult.Saved saved => TypedResults.Created($"/api/v1/sla/policies/{saved.Policy.Id}", saved.Policy),
            EditPolicyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>Replaces a policy; <c>version</c> must be the one read, else 409 with the current version.</summary>
    public static async Task<Results<Ok<SlaPolicyResponse>, ValidationProblem, ProblemHttpResult>> UpdateSlaPolicyAsync(
        int id, SlaPolicyRequest request, StaffScope scope, EditSlaPolicies handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        return Answer(id, await handler.UpdateAsync(id, request, scope.UserName, cancellationToken));
    }

    /// <summary>Disables a policy: it stays listed (enabled false) and audited; replace it with enabled true to restore it.</summary>
    public static async Task<Results<Ok<SlaPolicyResponse>, ValidationProblem, ProblemHttpResult>> DisableSlaPolicyAsync(
        int id, StaffScope scope, EditSlaPolicies handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        return Answer(id, await handler.DisableAsync(id, scope.UserName, cancellationToken));
    }

    private static Results<Ok<SlaPolicyResponse>, ValidationProblem, ProblemHttpResult> Answer(int id, EditPolicyResult result) => result switch
    {
        EditPolicyResult.Saved saved => TypedResults.Ok(saved.Policy),
        EditPolicyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        EditPolicyResult.Stale stale => TypedResults.Problem(
            title: "The policy was changed by someone else",
            detail: $"Policy {id} is at version {stale.CurrentVersion}; read it again and repeat your change.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion }),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(title: "SLA policy not found", detail: $"No SLA policy {id}.", statusCode: StatusCodes.Status404NotFound);
}
