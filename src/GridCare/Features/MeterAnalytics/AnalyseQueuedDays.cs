using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Segmentation;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// Analyses every China day the ingest queued, oldest first (a day's consumption baseline needs the days before it),
/// each in its own transaction, then brings the customers' stored load shapes up to the newest analysed day (at most
/// once a day, so a store fed every 15 minutes is not re-averaged each time). The worker calls it on its interval and
/// tests call it directly.
/// </summary>
public sealed partial class AnalyseQueuedDays(DailyAnalysis analysis, CustomerLoadShapes shapes, ILogger<AnalyseQueuedDays> logger)
{
    public async Task<IReadOnlyList<DailyAnalysisResult>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = new List<DailyAnalysisResult>();
        while (await analysis.NextQueuedDayAsync(cancellationToken) is { } day)
        {
            var result = await analysis.AnalyseDayAsync(day, cancellationToken);
            LogAnalysed(logger, day, result.TransformerDays, result.MeterDays, result.Episodes, result.Anomalies, result.Elapsed.TotalSeconds);
            done.Add(result);

            // A day queued again while it was analysed stays queued (the import came after the snapshot): analyse it
            // on the next run rather than spinning on it now.
            if (done.Count(d => d.Day == day) > 1)
            {
                break;
            }
        }

        if (await shapes.RefreshAsync(force: false, cancellationToken) is { } refresh)
        {
            LogShapes(logger, refresh.Customers, refresh.From, refresh.To, refresh.Elapsed.TotalSeconds);
        }

        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Load shapes of {Customers} customers over {From}–{To} stored in {Seconds:F2} s")]
    private static partial void LogShapes(ILogger logger, int customers, DateOnly from, DateOnly to, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter analysis of {Day}: {Transformers} transformers, {Meters} meters, {Episodes} load episodes, {Anomalies} anomalies in {Seconds:F2} s")]
    private static partial void LogAnalysed(ILogger logger, DateOnly day, long transformers, long meters, long episodes, long anomalies, double seconds);
}
