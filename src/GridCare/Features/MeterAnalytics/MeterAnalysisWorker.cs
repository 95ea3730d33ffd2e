using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// Drains the meter store's analysis queue on an interval (STYLE.md rule 16). DuckDB serialises writers inside one
/// process and the store is per node, so one worker per instance is enough; a conflict with an import is logged and
/// the day is tried again on the next tick.
/// </summary>
public sealed partial class MeterAnalysisWorker(IServiceProvider services, IOptions<MeterAnalyticsOptions> options, TimeProvider time, ILogger<MeterAnalysisWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<AnalyseQueuedDays>().RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Meter analysis run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
