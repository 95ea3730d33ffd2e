using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Events;
using GridCare.Analytics.MeterData.Import;
using GridCare.Domain.Sla;
using GridCare.Features.MeterAnalytics;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterData;

/// <summary>
/// Meter data: interval readings of meters and transformer terminals into the embedded analytical store, validated
/// (VEE) on the way in, and the store's copy of the network kept current.
/// </summary>
public static class MeterDataFeature
{
    public static IServiceCollection AddMeterData(this IServiceCollection services)
    {
        services.AddOptions<MeterDataOptions>().BindConfiguration(MeterDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ReadingImporter(
            sp.GetRequiredService<MeterStore>(), sp.GetRequiredService<IOptions<MeterDataOptions>>().Value.Vee, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ImportReadings>();
        services.AddSingleton(sp => new MeterEventImporter(sp.GetRequiredService<MeterStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MeterEventReader>();
        services.AddScoped<StoreMeterEvents>();
        services.AddScoped<GetMeterEvents>();
        services.AddScoped<SyncMeterDirectory>();
        services.AddHostedService<MeterDataWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeterData(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/meter-readings", ReceiveReadingsAsync)
            .WithTags("Meter data").RequireAuthorization(Policies.Staff).WithName(nameof(ImportReadings))
            .Accepts<MeterReadingBatch>("application/json", "text/csv");
        app.MapGet("/api/v1/meters/{meterNo}/events", GetMeterEventsAsync)
            .WithTags("Meter data").RequireAuthorization(Policies.Staff).WithName(nameof(GetMeterEvents));
        return app;
    }

    /// <param name="meterNo">The meter number.</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="time">Today, for the default period.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="from">First China day, yyyy-MM-dd; 29 days before <paramref name="to"/> when absent.</param>
    /// <param name="to">Last China day; today when absent. At most 400 days in all.</param>
    public static async Task<Results<Ok<MeterEventsResponse>, ValidationProblem, ProblemHttpResult>> GetMeterEventsAsync(
        string meterNo, StaffScope scope, GetMeterEvents handler, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new Dictionary<string, string[]>();
        var (start, end) = MeterAnalyticsAccess.Range(from, to, ChinaTime.DateOf(time.GetUtcNow().UtcDateTime), 30, MeterAnalyticsAccess.MaxConsumptionDays, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await handler.HandleAsync(meterNo, start, end, scope, cancellationToken) switch
        {
            MeterAnalyticsResult<MeterEventsResponse>.Found found => TypedResults.Ok(found.Value),
            MeterAnalyticsResult<MeterEventsResponse>.NotFound notFound => TypedResults.Problem(title: "Not found", detail: notFound.Detail, statusCode: StatusCodes.Status404NotFound),
            MeterAnalyticsResult<MeterEventsResponse>.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <param name="request">A JSON batch, or a long-form CSV body with <c>Content-Type: text/csv</c>.</param>
    /// <param name="scope">The sender.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="target">CSV only: <c>meters</c> (default) or <c>terminals</c>.</param>
    /// <param name="intervalMinutes">CSV only: the interval length (default 15).</param>
    /// <param name="utcOffset">CSV only: the offset of times written without one, e.g. <c>+08:00</c>.</param>
    /// <param name="columns">CSV only: the body's own column names, e.g. <c>meter_no=customer_id</c>.</param>
    public static async Task<Results<Created<MeterReadingsImported>, Ok<MeterReadingsImported>, ValidationProblem, ProblemHttpResult>> ReceiveReadingsAsync(
        HttpRequest request,
        StaffScope scope,
        ImportReadings handler,
        CancellationToken cancellationToken,
        string? target = null,
        int intervalMinutes = 15,
        string? utcOffset = null,
        string? columns = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ImportReadingsResult result;
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            var offset = ReadingCsvOptions.ParseOffset(utcOffset);
            if (target is not (null or "meters" or "terminals") || (utcOffset is not null && offset is null))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [target is not (null or "meters" or "terminals") ? "target" : "utcOffset"] = ["target is meters or terminals; utcOffset looks like +08:00."],
                });
            }

            result = await handler.HandleCsvAsync(
                request.Body, new ReadingCsvOptions(target == "terminals", IntervalMinutes: intervalMinutes, UtcOffset: offset, Columns: columns), scope, cancellationToken);
        }
        else
        {
            MeterReadingBatch? batch;
            try
            {
                batch = await request.ReadFromJsonAsync<MeterReadingBatch>(cancellationToken);
            }
            catch (System.Text.Json.JsonException exception)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [exception.Path ?? "body"] = [exception.Message] });
            }

            result = await handler.HandleAsync(batch ?? new MeterReadingBatch(null), scope, cancellationToken);
        }

        return result switch
        {
            ImportReadingsResult.Imported { Summary.AlreadyImported: true } imported => TypedResults.Ok(imported.Summary),
            ImportReadingsResult.Imported imported => TypedResults.Created($"/api/v1/meter-readings/batches/{imported.Summary.BatchNo}", imported.Summary),
            ImportReadingsResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            ImportReadingsResult.Rejected rejected => TypedResults.Problem(
                title: "The batch was rejected; nothing was stored",
                detail: string.Join("\n", rejected.Errors.Take(20).Select(e => e.Line is { } line ? $"line {line}, {e.Field}: {e.Reason}" : $"{e.Field}: {e.Reason}")),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = rejected.Errors, ["totalErrors"] = rejected.Total }),
            ImportReadingsResult.Forbidden forbidden => TypedResults.Problem(forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            _ => throw new InvalidOperationException(result.GetType().Name),
        };
    }
}
