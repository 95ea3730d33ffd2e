using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Segmentation;
using GridCare.Domain.Sla;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// Analyses of the meter store (issue #5): transformer load and its forecast, voltage quality, line loss, customer
/// consumption and anomalies. The engine (GridCare.Analytics/MeterData/Analysis) writes derived tables per China day;
/// the worker drains the ingest's analysis queue; endpoints and pages only read.
/// </summary>
public static class MeterAnalyticsFeature
{
    public static IServiceCollection AddMeterAnalytics(this IServiceCollection services)
    {
        services.AddOptions<MeterAnalyticsOptions>().BindConfiguration(MeterAnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MeterAnalyticsOptions>>().Value.ToSettings());
        services.AddSingleton<DailyAnalysis>();
        services.AddSingleton<TransformerLoadReader>();
        services.AddSingleton<QualityReader>();
        services.AddSingleton<ConsumptionReader>();
        services.AddSingleton<OutageEvidence>();
        services.AddSingleton<CustomerLoadShapes>();
        services.AddSingleton<AnalyseQueuedDays>();
        services.AddScoped<RankTransformers>();
        services.AddScoped<GetTransformerLoad>();
        services.AddScoped<GetVoltageQuality>();
        services.AddScoped<GetLineLoss>();
        services.AddScoped<GetCustomerConsumption>();
        services.AddScoped<GetWorkOrderEvidence>();
        services.AddHostedService<MeterAnalysisWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeterAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/transformers/{code}/load", GetTransformerLoadAsync).WithName(nameof(GetTransformerLoad))
            .WithTags("Meter analytics").RequireAuthorization(Policies.Staff);
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Meter analytics").RequireAuthorization(Policies.Staff);
        analytics.MapGet("/transformers", RankTransformersAsync).WithName(nameof(RankTransformers));
        analytics.MapGet("/voltage", GetVoltageQualityAsync).WithName(nameof(GetVoltageQuality));
        analytics.MapGet("/line-loss", GetLineLossAsync).WithName(nameof(GetLineLoss));
        app.MapGet("/api/v1/customers/{id:long}/consumption", GetCustomerConsumptionAsync).WithName(nameof(GetCustomerConsumption))
            .WithTags("Meter analytics").RequireAuthorization(Policies.Staff);
        app.MapGet("/api/v1/work-orders/{number}/evidence", GetWorkOrderEvidenceAsync).WithName(nameof(GetWorkOrderEvidence))
            .WithTags("Meter analytics").RequireAuthorization(Policies.Staff);
        return app;
    }

    /// <param name="code">The transformer code (e.g. BJ01-F001-T001).</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="time">Today, when nothing was analysed yet.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="from">First China day, yyyy-MM-dd; six days before <paramref name="to"/> when absent.</param>
    /// <param name="to">Last China day; the latest analysed day when absent. At most 31 days in all.</param>
    public static async Task<Results<Ok<TransformerLoadResponse>, ValidationProblem, ProblemHttpResult>> GetTransformerLoadAsync(
        string code, StaffScope scope, GetTransformerLoad handler, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.NetworkReaders) is { } refusal)
        {
            return Forbidden(refusal);
        }

        var errors = new Dictionary<string, string[]>();
        var latest = await handler.LatestDayAsync(cancellationToken) ?? Today(time);
        var (start, end) = MeterAnalyticsAccess.Range(from, to, latest, 7, MeterAnalyticsAccess.MaxRangeDays, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await handler.FindAsync(code, scope, cancellationToken) is not { } transformer
            ? NotFound($"No transformer {code} in your org units.")
            : Answer(await handler.HandleAsync(transformer, start, end, scope, cancellationToken));
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="date">The China day, yyyy-MM-dd; the latest analysed day when absent.</param>
    /// <param name="limit">How many transformers to list, 1 to 5,000 (the totals count all).</param>
    public static async Task<Results<Ok<TransformerRankingResponse>, ValidationProblem, ProblemHttpResult>> RankTransformersAsync(
        StaffScope scope, RankTransformers handler, CancellationToken cancellationToken, string? date = null, [Range(1, 5000)] int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var errors = new Dictionary<string, string[]>();
        var day = ApiDates.Parse(date, "date", errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : Answer(await handler.HandleAsync(day, limit, scope, cancellationToken));
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="date">The China day, yyyy-MM-dd; the latest analysed day when absent.</param>
    /// <param name="limit">How many transformers and meters to list, 1 to 5,000.</param>
    public static async Task<Results<Ok<VoltageQualityResponse>, ValidationProblem, ProblemHttpResult>> GetVoltageQualityAsync(
        StaffScope scope, GetVoltageQuality handler, CancellationToken cancellationToken, string? date = null, [Range(1, 5000)] int limit = 200)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var errors = new Dictionary<string, string[]>();
        var day = ApiDates.Parse(date, "date", errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : Answer(await handler.HandleAsync(day, limit, scope, cancellationToken));
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="readers">For the default month.</param>
    /// <param name="time">Today, when nothing was analysed yet.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="month">yyyy-MM; the month of the latest analysed day when absent.</param>
    public static async Task<Results<Ok<LineLossResponse>, ValidationProblem, ProblemHttpResult>> GetLineLossAsync(
        StaffScope scope, GetLineLoss handler, TransformerLoadReader readers, TimeProvider time, CancellationToken cancellationToken, string? month = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(readers);
        var errors = new Dictionary<string, string[]>();
        var wanted = MeterAnalyticsAccess.Month(month, "month", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var latest = await readers.LatestDayAsync(cancellationToken) ?? Today(time);
        var (year, number) = wanted ?? (latest.Year, latest.Month);
        return Answer(await handler.HandleAsync(year, number, scope, cancellationToken));
    }

    /// <param name="id">The customer id.</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="readers">For the default period.</param>
    /// <param name="time">Today, when nothing was analysed yet.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="from">First China day, yyyy-MM-dd; 29 days before <paramref name="to"/> when absent.</param>
    /// <param name="to">Last China day; the latest analysed day when absent. At most 400 days in all.</param>
    public static async Task<Results<Ok<CustomerConsumptionResponse>, ValidationProblem, ProblemHttpResult>> GetCustomerConsumptionAsync(
        long id, StaffScope scope, GetCustomerConsumption handler, TransformerLoadReader readers, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(readers);
        var errors = new Dictionary<string, string[]>();
        var latest = await readers.LatestDayAsync(cancellationToken) ?? Today(time);
        var (start, end) = MeterAnalyticsAccess.Range(from, to, latest, 30, MeterAnalyticsAccess.MaxConsumptionDays, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : Answer(await handler.HandleAsync(id, start, end, scope, cancellationToken));
    }

    /// <param name="number">The work order number.</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    public static async Task<Results<Ok<WorkOrderEvidenceResponse>, ValidationProblem, ProblemHttpResult>> GetWorkOrderEvidenceAsync(
        string number, StaffScope scope, GetWorkOrderEvidence handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Answer(await handler.HandleAsync(number, scope, cancellationToken));
    }

    private static DateOnly Today(TimeProvider time) => ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(MeterAnalyticsResult<T> result) => result switch
    {
        MeterAnalyticsResult<T>.Found found => TypedResults.Ok(found.Value),
        MeterAnalyticsResult<T>.NotFound notFound => NotFound(notFound.Detail),
        MeterAnalyticsResult<T>.Forbidden forbidden => Forbidden(forbidden.Reason),
        _ => throw new InvalidOperationException($"Unexpected result {result}."),
    };

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Forbidden(string reason) => TypedResults.Problem(title: "Not your step", detail: reason, statusCode: StatusCodes.Status403Forbidden);
}
