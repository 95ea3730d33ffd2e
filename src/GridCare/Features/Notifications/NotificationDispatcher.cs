using Microsoft.Extensions.Options;

namespace GridCare.Features.Notifications;

/// <summary>
/// Delivers the outbox: runs <see cref="DispatchNotifications"/> until nothing is due, then waits for the poll
/// interval or a save that enqueued messages in this instance (<see cref="NotificationSignal"/>). Safe with any
/// number of instances.
/// </summary>
public sealed partial class NotificationDispatcher(
    IServiceProvider services, NotificationSignal signal, IOptions<NotificationsOptions> options, TimeProvider time, ILogger<NotificationDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(settings.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int claimed;
                do
                {
                    await using var scope = services.CreateAsyncScope();
                    claimed = await scope.ServiceProvider.GetRequiredService<DispatchNotifications>().RunOnceAsync(stoppingToken);
                }
                while (claimed > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await signal.WaitAsync(interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatch failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
