using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>
/// Polls the planned-outage clock (<see cref="RunOutageSchedule"/>), the readings evidence (<see cref="DetectFromReadings"/>)
/// and outage detection (<see cref="DetectOutages"/>)
/// on their intervals (STYLE.md rule 16: no in-memory timers per outage). Safe with several instances.
/// </summary>
public sealed partial class OutageWorker(IServiceProvider services, IOptions<OutagesOptions> options, TimeProvider time, ILogger<OutageWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundEnabled)
        {
            return;
        }

        var tick = TimeSpan.FromSeconds(Math.Min(options.Value.DetectionSeconds, options.Value.SchedulerSeconds));
        var nextSchedule = DateTimeOffset.MinValue;
        var nextReadings = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                if (time.GetUtcNow() >= nextReadings)
                {
                    // Readings arrive every 15 minutes, so the store is scanned far less often than events are grouped.
                    nextReadings = time.GetUtcNow().AddSeconds(options.Value.ReadingEvidenceSeconds);
                    var dark = await scope.ServiceProvider.GetRequiredService<DetectFromReadings>().RunOnceAsync(stoppingToken);
                    if (dark.Signals > 0)
                    {
                        LogReadings(logger, dark.DarkTransformers, dark.Signals);
                    }
                }

                var detected = await scope.ServiceProvider.GetRequiredService<DetectOutages>().RunOnceAsync(stoppingToken);
                if (detected.Outages + detected.SetAside > 0)
                {
                    LogDetected(logger, detected.Outages, detected.Linked, detected.SetAside);
                }

                if (time.GetUtcNow() >= nextSchedule)
                {
                    nextSchedule = time.GetUtcNow().AddSeconds(options.Value.SchedulerSeconds);
                    var (reminded, started) = await scope.ServiceProvider.GetRequiredService<RunOutageSchedule>().RunOnceAsync(stoppingToken);
                    if (reminded + started > 0)
                    {
                        LogSchedule(logger, reminded, started);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage detection: {Outages} outages found, {Linked} signals linked to known outages, {SetAside} set aside")]
    private static partial void LogDetected(ILogger logger, int outages, int linked, int setAside);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage evidence from readings: {Dark} transformers dark, {Signals} new signals")]
    private static partial void LogReadings(ILogger logger, int dark, int signals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outage schedule: {Reminded} reminders queued, {Started} planned outages started")]
    private static partial void LogSchedule(ILogger logger, int reminded, int started);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outage worker run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
