using System.ComponentModel.DataAnnotations;
using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.RoutingRules;

/// <summary>
/// Routing rules: which team new orders of a unit go to, by type (and optionally complaint class and priority).
/// Intake applies them (<see cref="RouteWorkOrder"/>); <c>/api/v1/routing-rules</c> and <c>/admin/routing-rules</c> edit them.
/// </summary>
public static class RoutingRulesFeature
{
    public static IServiceCollection AddRoutingRules(this IServiceCollection services)
    {
        services.AddOptions<RoutingRulesOptions>().BindConfiguration(RoutingRulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoutingRuleSet>();
        services.AddScoped<RouteWorkOrder>();
        services.AddScoped<ListRoutingRules>();
        services.AddScoped<EditRoutingRule>();
        return services;
    }

    public static IEndpointRouteBuilder MapRoutingRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/routing-rules").WithTags("Routing rules").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListRoutingRulesAsync).WithName(nameof(ListRoutingRules));
        group.MapGet("/{id:int}", GetRoutingRuleAsync).WithName("GetRoutingRule");
        group.MapGet("/changes", ListRoutingRuleChangesAsync).WithName("ListRoutingRuleChanges");
        group.MapPost("/", CreateRoutingRuleAsync).WithName("CreateRoutingRule");
        group.MapPut("/{id:int}", UpdateRoutingRuleAsync).WithName("UpdateRoutingRule");
        group.MapDelete("/{id:int}", DeleteRoutingRuleAsync).WithName("DeleteRoutingRule");
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="type">Only rules for this order type (repair, complaint, …).</param>
    public static async Task<Results<Ok<IReadOnlyList<RoutingRuleResponse>>, ValidationProblem, ProblemHttpResult>> ListRoutingRulesAsync(
        StaffScope scope, ListRoutingRules handler, CancellationToken cancellationToken, string? type = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListRoutingRules.Readers.Any(scope.IsIn))
        {
            return NotYours();
        }

        var errors = new Dictionary<string, string[]>();
        var orderType = ApiEnums.Parse<WorkOrderType>(type, "type", errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await handler.ListAsync(scope, orderType, cancellationToken));
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="count">How many of the latest edits, 1 to 200.</param>
    public static async Task<Results<Ok<IReadOnlyList<RoutingRuleChangeResponse>>, ProblemHttpResult>> ListRoutingRuleChangesAsync(
        StaffScope scope, ListRoutingRules handler, CancellationToken cancellationToken, [Range(1, 200)] int count = 50)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        return ListRoutingRules.Readers.Any(scope.IsIn)
            ? TypedResults.Ok(await handler.RecentChangesAsync(scope, count, cancellationToken))
            : NotYours();
    }

    public static async Task<Results<Ok<RoutingRuleDetail>, ProblemHttpResult>> GetRoutingRuleAsync(
        int id, StaffScope scope, ListRoutingRules handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListRoutingRules.Readers.Any(scope.IsIn))
        {
            return NotYours();
        }

        return await handler.GetAsync(id, scope, cancellationToken) is { } rule ? TypedResults.Ok(rule) : NotFound(id);
    }

    public static async Task<Results<Created<RoutingRuleResponse>, ValidationProblem, ProblemHttpResult>> CreateRoutingRuleAsync(
        RoutingRuleRequest request, StaffScope scope, EditRoutingRule handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.CreateAsync(request, scope, cancellationToken) switch
        {
            EditRoutingRuleResult.Saved saved => TypedResults.Created($"/api/v1/routing-rules/{saved.Rule.Id}", saved.Rule),
            EditRoutingRuleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, id: null),
        };
    }

    public static async Task<Results<Ok<RoutingRuleResponse>, ValidationProblem, ProblemHttpResult>> UpdateRoutingRuleAsync(
        int id, RoutingRuleRequest request, StaffScope scope, EditRoutingRule handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.UpdateAsync(id, request, scope, cancellationToken) switch
        {
            EditRoutingRuleResult.Saved saved => TypedResults.Ok(saved.Rule),
            EditRoutingRuleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, id),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteRoutingRuleAsync(
        int id, StaffScope scope, EditRoutingRule handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.DeleteAsync(id, scope, cancellationToken) switch
        {
            EditRoutingRuleResult.Deleted => TypedResults.NoContent(),
            EditRoutingRuleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, id),
        };
    }

    private static ProblemHttpResult Problem(EditRoutingRuleResult result, int? id) => result switch
    {
        EditRoutingRuleResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
        EditRoutingRuleResult.Duplicate duplicate => TypedResults.Problem(
            title: "A rule for these orders exists",
            detail: $"Routing rule {duplicate.ExistingRuleId} of the same org unit already takes the same type, complaint class and priority.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["existingRuleId"] = duplicate.ExistingRuleId }),
        _ => NotFound(id ?? 0),
    };

    private static ProblemHttpResult NotYours() => TypedResults.Problem(
        title: "Not your step",
        detail: $"Routing rules are read by {string.Join(", ", ListRoutingRules.Readers.Select(StaffRoles.NameOf))}.",
        statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(title: "Routing rule not found", detail: $"No routing rule {id} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
