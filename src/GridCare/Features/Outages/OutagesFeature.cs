using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Outages;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Outages;

/// <summary>
/// Outage management: planned and temporary outages with their notice rule, unplanned outages detected from meter,
/// terminal and SCADA events and from calls, ETR, staged restoration, notices through the outbox.
/// </summary>
public static class OutagesFeature
{
    public static IServiceCollection AddOutages(this IServiceCollection services)
    {
        services.AddOptions<OutagesOptions>().BindConfiguration(OutagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TraceOutage>();
        services.AddScoped<OutageCustomers>();
        services.AddScoped<PlanOutage>();
        services.AddScoped<ListOutages>();
        services.AddScoped<GetOutage>();
        services.AddScoped<ChangeOutage>();
        services.AddScoped<ReceiveGridEvents>();
        services.AddScoped<RestoreFromEvents>();
        services.AddScoped<DetectOutages>();
        services.AddScoped<DetectFromReadings>();
        services.AddScoped<OpenDetectedOutage>();
        services.AddScoped<CheckSingleCustomer>();
        services.AddScoped<RunOutageSchedule>();
        services.AddScoped<FindPublicOutages>();
        services.AddHostedService<OutageWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutages(this IEndpointRouteBuilder app)
    {
        var outages = app.MapGroup("/api/v1/outages").WithTags("Outages").RequireAuthorization(Policies.Staff);
        outages.MapGet("/", ListOutagesAsync).WithName(nameof(ListOutages));
        outages.MapGet("/{number}", GetOutageAsync).WithName(nameof(GetOutage));
        outages.MapPost("/", PlanOutageAsync).WithName(nameof(PlanOutage));
        outages.MapPost("/preview", PreviewOutageAsync).WithName("PreviewOutage");
        outages.MapPost("/{number}/{action}", ChangeOutageAsync).WithName(nameof(ChangeOutage));

        app.MapPost("/api/v1/meter-events", (GridEventBatch batch, StaffScope scope, ReceiveGridEvents handler, CancellationToken cancellationToken) =>
                ReceiveEventsAsync(batch, scada: false, scope, handler, cancellationToken))
            .WithTags("Outages").RequireAuthorization(Policies.Staff).WithName("ReceiveMeterEvents");
        app.MapPost("/api/v1/scada-events", (GridEventBatch batch, StaffScope scope, ReceiveGridEvents handler, CancellationToken cancellationToken) =>
                ReceiveEventsAsync(batch, scada: true, scope, handler, cancellationToken))
            .WithTags("Outages").RequireAuthorization(Policies.Staff).WithName("ReceiveScadaEvents");
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="status">scheduled, active, restored or cancelled; without it the current ones (active and scheduled).</param>
    /// <param name="kind">planned, temporary or unplanned.</param>
    /// <param name="count">How many, 1 to 500.</param>
    public static async Task<Results<Ok<IReadOnlyList<OutageResponse>>, ValidationProblem>> ListOutagesAsync(
        StaffScope scope, ListOutages handler, CancellationToken cancellationToken, string? status = null, string? kind = null, [Range(1, 500)] int count = 100)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var errors = new Dictionary<string, string[]>();
        var wantedStatus = ApiEnums.Parse<OutageStatus>(status, "status", errors);
        var wantedKind = ApiEnums.Parse<OutageKind>(kind, "kind", errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await handler.HandleAsync(wantedStatus, wantedKind, scope, count, cancellationToken));
    }

    public static async Task<Results<Ok<OutageDetail>, ProblemHttpResult>> GetOutageAsync(
        string number, StaffScope scope, GetOutage handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, scope, cancellationToken) is { } outage ? TypedResults.Ok(outage) : NotFound(number);
    }

    public static async Task<Results<Created<PlannedOutage>, ValidationProblem, ProblemHttpResult>> PlanOutageAsync(
        PlanOutageRequest request, StaffScope scope, PlanOutage handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.PublishAsync(request, scope, cancellationToken) switch
        {
            PlanOutageResult.Published published => TypedResults.Created($"/api/v1/outages/{published.Outage.Outage.Number}", published.Outage),
            PlanOutageResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other),
        };
    }

    public static async Task<Results<Ok<OutagePreview>, ValidationProblem, ProblemHttpResult>> PreviewOutageAsync(
        PlanOutageRequest request, StaffScope scope, PlanOutage handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.PreviewAsync(request, scope, cancellationToken) switch
        {
            PlanOutageResult.Previewed previewed => TypedResults.Ok(previewed.Preview),
            PlanOutageResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other),
        };
    }

    /// <param name="number">The outage number (TD20261127-001).</param>
    /// <param name="action">start, etr, restore or cancel.</param>
    /// <param name="request">The fields the action needs.</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> ChangeOutageAsync(
        string number, string action, ChangeOutageRequest request, StaffScope scope, ChangeOutage handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, action, request, scope, cancellationToken) switch
        {
            ChangeOutageResult.Changed changed => TypedResults.Ok(changed.Outage),
            ChangeOutageResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            ChangeOutageResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            ChangeOutageResult.Refused refused => TypedResults.Problem(title: "Not allowed now", detail: refused.Error.Message, statusCode: StatusCodes.Status409Conflict),
            _ => NotFound(number),
        };
    }

    private static async Task<Results<Accepted<GridEventsReceived>, ValidationProblem, ProblemHttpResult>> ReceiveEventsAsync(
        GridEventBatch batch, bool scada, StaffScope scope, ReceiveGridEvents handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(batch, scada, scope, cancellationToken) switch
        {
            ReceiveGridEventsResult.Received received => TypedResults.Accepted((string?)null, received.Summary),
            ReceiveGridEventsResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            ReceiveGridEventsResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            _ => throw new InvalidOperationException("Unknown grid event result."),
        };

    private static ProblemHttpResult Problem(PlanOutageResult result) => result switch
    {
        PlanOutageResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
        PlanOutageResult.NoticeTooShort tooShort => TypedResults.Problem(
            title: "Notice too short",
            detail: tooShort.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["requiredNoticeHours"] = tooShort.Notice.RequiredHours,
                ["givenNoticeHours"] = tooShort.Notice.GivenHours,
                ["field"] = "overrideReason",
            }),
        _ => throw new InvalidOperationException("Unknown planning result."),
    };

    private static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(title: "Outage not found", detail: $"No outage {number} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
