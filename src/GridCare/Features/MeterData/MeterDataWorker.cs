using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterData;

/// <summary>Keeps the meter store's copy of the network current (<see cref="SyncMeterDirectory"/>) on an interval.</summary>
public sealed partial class MeterDataWorker(IServiceProvider services, IOptions<MeterDataOptions> options, TimeProvider time, ILogger<MeterDataWorker> logger)
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
                await using var scope = services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<SyncMeterDirectory>().RunOnceAsync(force: false, stoppingToken))
                {
                    LogSynced(logger);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.DirectorySyncSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter store: the network directory was copied from the database")]
    private static partial void LogSynced(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meter store: copying the network directory failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
