using Microsoft.Extensions.Options;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// Runs <see cref="RetimeOpenOrders"/> and then <see cref="ScanSlaDeadlines"/> on an interval (STYLE.md rule 16: no
/// in-memory timers per order; the indexed NextSlaWarningAt and NextSlaDeadlineAt are polled). Safe with several
/// instances: each order is changed under its version.
/// </summary>
public sealed partial class SlaDeadlineScanner(IServiceProvider services, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaDeadlineScanner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScannerEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.ScanIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var retimed = await scope.ServiceProvider.GetRequiredService<RetimeOpenOrders>().RunOnceAsync(stoppingToken);
                var result = await scope.ServiceProvider.GetRequiredService<ScanSlaDeadlines>().RunOnceAsync(stoppingToken);
                if (retimed + result.Warned + result.Breached > 0)
                {
                    LogScan(logger, retimed, result.Warned, result.Breached);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA scan: {Retimed} re-timed to new settings, {Warned} warned, {Breached} escalated")]
    private static partial void LogScan(ILogger logger, int retimed, int warned, int breached);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA scan failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
