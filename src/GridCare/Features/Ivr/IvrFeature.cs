using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Ivr;

/// <summary>
/// Voice self-service: what the IVR tells a caller before an agent picks up (<c>POST /api/v1/ivr/lookup</c>), the
/// record of each call and whether it was resolved there (<c>POST /api/v1/ivr/calls</c>), and the self-service share
/// (<c>GET /api/v1/ivr/self-service</c>). The IVR is a machine client like the other channel integrations: it signs in
/// with a staff account (role agent) of the bureau it answers for and sends the bearer token; agents may use the lookup too.
/// </summary>
public static class IvrFeature
{
    /// <summary>Who may look callers up and record calls: the IVR's agent account, agents, dispatchers and administrators.</summary>
    public static bool MayAnswerCalls(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsIn(StaffRole.Agent) || scope.IsIn(StaffRole.Dispatcher) || scope.IsIn(StaffRole.Admin);
    }

    public static IServiceCollection AddIvr(this IServiceCollection services)
    {
        services.AddOptions<IvrOptions>().BindConfiguration(IvrOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LookupCaller>();
        services.AddScoped<RecordIvrCall>();
        services.AddScoped<IvrSelfServiceShare>();
        services.AddScoped<GetIvrSelfService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIvr(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ivr").WithTags("Ivr").RequireAuthorization(Policies.Staff);
        group.MapPost("/lookup", LookupAsync).WithName(nameof(LookupCaller));
        group.MapPost("/calls", RecordCallAsync).WithName(nameof(RecordIvrCall));
        group.MapGet("/self-service", GetSelfServiceAsync).WithName(nameof(GetIvrSelfService));
        return app;
    }

    public static async Task<Results<Ok<IvrLookupResponse>, ValidationProblem, ForbidHttpResult>> LookupAsync(
        IvrLookupRequest request, HttpRequest http, StaffScope scope, LookupCaller handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(http);
        if (!MayAnswerCalls(scope))
        {
            return TypedResults.Forbid();
        }

        return await handler.HandleAsync(request, http.Headers.AcceptLanguage.ToString(), scope, cancellationToken) switch
        {
            LookupCallerResult.Answered answered => TypedResults.Ok(answered.Response),
            LookupCallerResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => throw new InvalidOperationException("Unknown lookup result."),
        };
    }

    public static async Task<Results<Created<IvrCallResponse>, Ok<IvrCallResponse>, ValidationProblem, ForbidHttpResult>> RecordCallAsync(
        IvrCallRequest request, StaffScope scope, RecordIvrCall handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!MayAnswerCalls(scope))
        {
            return TypedResults.Forbid();
        }

        return await handler.HandleAsync(request, scope, cancellationToken) switch
        {
            RecordIvrCallResult.Recorded recorded => TypedResults.Created((string?)null, recorded.Call),
            RecordIvrCallResult.AlreadyRecorded earlier => TypedResults.Ok(earlier.Call),
            RecordIvrCallResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => throw new InvalidOperationException("Unknown call record result."),
        };
    }

    public static async Task<Results<Ok<IvrSelfServiceReport>, ValidationProblem, NotFound, ForbidHttpResult>> GetSelfServiceAsync(
        StaffScope scope, GetIvrSelfService handler, CancellationToken cancellationToken, int? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!GetIvrSelfService.MayRead(scope))
        {
            return TypedResults.Forbid();
        }

        return await handler.HandleAsync(scope, orgUnitId, from, to, cancellationToken) switch
        {
            GetIvrSelfServiceResult.Found found => TypedResults.Ok(found.Report),
            GetIvrSelfServiceResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => TypedResults.NotFound(),
        };
    }
}
