using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.RepairGuidance;

/// <summary>
/// Remote repair guidance: per fault type a guided procedure (safety first, readings with limits, photos, decisions)
/// that the crew follows on a phone, offline-tolerant; a dispatcher follows live and sends guidance; every step and
/// message lands in the order's thread.
/// </summary>
public static class RepairGuidanceFeature
{
    public static IServiceCollection AddRepairGuidance(this IServiceCollection services)
    {
        // The shipped procedures; the constructor taking procedures is for other sets (DI would call it with none).
        services.AddSingleton(_ => new ProcedureCatalog());
        services.AddSingleton<GuidanceNotifier>();
        services.AddScoped<ListProcedures>();
        services.AddScoped<GuidanceThreadText>();
        services.AddScoped<GetGuidance>();
        services.AddScoped<SyncGuidanceSteps>();
        services.AddScoped<SendGuidanceMessage>();
        return services;
    }

    public static IEndpointRouteBuilder MapRepairGuidance(this IEndpointRouteBuilder app)
    {
        var procedures = app.MapGroup("/api/v1/guidance/procedures").WithTags("RepairGuidance").RequireAuthorization(Policies.Staff);
        procedures.MapGet("/", ListProceduresAsync).WithName(nameof(ListProcedures));
        procedures.MapGet("/{code}", GetProcedureAsync).WithName("GetProcedure");

        var orders = app.MapGroup("/api/v1/work-orders/{number}/guidance").WithTags("RepairGuidance").RequireAuthorization(Policies.Staff);
        orders.MapGet("/", GetGuidanceAsync).WithName(nameof(GetGuidance));
        orders.MapPost("/steps", SyncGuidanceStepsAsync).WithName(nameof(SyncGuidanceSteps));
        orders.MapPost("/messages", SendGuidanceMessageAsync).WithName(nameof(SendGuidanceMessage));
        return app;
    }

    public static Ok<IReadOnlyList<ProcedureSummaryResponse>> ListProceduresAsync(ListProcedures handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(handler.List());
    }

    public static Results<Ok<ProcedureResponse>, ProblemHttpResult> GetProcedureAsync(string code, ListProcedures handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler.Get(code) is { } procedure
            ? TypedResults.Ok(procedure)
            : TypedResults.Problem(title: "Procedure not found", detail: $"No repair procedure '{code}'.", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<GuidanceResponse>, ValidationProblem, ProblemHttpResult>> GetGuidanceAsync(
        string number, StaffScope scope, GetGuidance handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, scope, cancellationToken) switch
        {
            GetGuidanceResult.Found found => TypedResults.Ok(found.Guidance),
            GetGuidanceResult.Refused refused => Refusal<GuidanceResponse>(refused.Refusal),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>Stores the phone's queued steps once each; replaying the same batch answers with them as already stored.</summary>
    public static async Task<Results<Ok<SyncGuidanceStepsResponse>, ValidationProblem, ProblemHttpResult>> SyncGuidanceStepsAsync(
        string number, SyncGuidanceStepsRequest request, StaffScope scope, SyncGuidanceSteps handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, request, scope, cancellationToken) switch
        {
            SyncGuidanceStepsResult.Synced synced => TypedResults.Ok(synced.Response),
            SyncGuidanceStepsResult.Refused refused => Refusal<SyncGuidanceStepsResponse>(refused.Refusal),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    public static async Task<Results<Created<GuidanceMessageResponse>, ValidationProblem, ProblemHttpResult>> SendGuidanceMessageAsync(
        string number, GuidanceMessageRequest request, StaffScope scope, SendGuidanceMessage handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, request, scope, cancellationToken) switch
        {
            SendGuidanceMessageResult.Sent sent => TypedResults.Created($"/api/v1/work-orders/{Uri.EscapeDataString(number)}/guidance", sent.Message),
            SendGuidanceMessageResult.Refused refused => Refusal(refused.Refusal),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Refusal<T>(GuidanceRefusal refusal) => refusal switch
    {
        GuidanceRefusal.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        GuidanceRefusal.Forbidden => TypedResults.Problem(title: "Not your step", detail: refusal.Detail, statusCode: StatusCodes.Status403Forbidden),
        GuidanceRefusal.Conflict => TypedResults.Problem(title: "Not now", detail: refusal.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "Work order not found", detail: refusal.Detail, statusCode: StatusCodes.Status404NotFound),
    };

    private static Results<Created<GuidanceMessageResponse>, ValidationProblem, ProblemHttpResult> Refusal(GuidanceRefusal refusal) => refusal switch
    {
        GuidanceRefusal.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        GuidanceRefusal.Forbidden => TypedResults.Problem(title: "Not your step", detail: refusal.Detail, statusCode: StatusCodes.Status403Forbidden),
        GuidanceRefusal.Conflict => TypedResults.Problem(title: "Not now", detail: refusal.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "Work order not found", detail: refusal.Detail, statusCode: StatusCodes.Status404NotFound),
    };
}
