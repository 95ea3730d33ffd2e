using GridCare.Features.Warnings;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// Drains the meter store's analysis queue on an interval (STYLE.md rule 16). DuckDB serialises writers inside one
/// process and the store is per node, so one worker per instance is enough; a conflict with an import is logged and
/// the day is tried again on the next tick. Each analysed day then goes through the early-warning rules.
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
                var analysed = await services.GetRequiredService<AnalyseQueuedDays>().RunOnceAsync(stoppingToken);
                foreach (var day in analysed.Select(d => d.Day).Distinct().Order())
                {
                    await using var scope = services.CreateAsyncScope();
                    var evaluation = await scope.ServiceProvider.GetRequiredService<EvaluateWarnings>().HandleAsync(day, stoppingToken);
                    LogEvaluated(logger, day, evaluation.Raised, evaluation.Refreshed, evaluation.Cleared, evaluation.OrdersOpened);
                }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Warnings of {Day}: {Raised} raised, {Refreshed} seen again, {Cleared} cleared, {Orders} proactive orders opened")]
    private static partial void LogEvaluated(ILogger logger, DateOnly day, int raised, int refreshed, int cleared, int orders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meter analysis run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
