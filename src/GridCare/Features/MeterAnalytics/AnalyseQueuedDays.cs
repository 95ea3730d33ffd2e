using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// Analyses every China day the ingest queued, oldest first (a day's consumption baseline needs the days before it),
/// each in its own transaction; the worker calls it on its interval and tests call it directly.
/// </summary>
public sealed partial class AnalyseQueuedDays(DailyAnalysis analysis, ILogger<AnalyseQueuedDays> logger)
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

        return done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter analysis of {Day}: {Transformers} transformers, {Meters} meters, {Episodes} load episodes, {Anomalies} anomalies in {Seconds:F2} s")]
    private static partial void LogAnalysed(ILogger logger, DateOnly day, long transformers, long meters, long episodes, long anomalies, double seconds);
}
