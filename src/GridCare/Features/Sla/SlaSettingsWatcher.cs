using GridCare.Features.WorkOrders;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Sla;

/// <summary>
/// Loads the SLA settings before the host serves requests, then checks the settings revision on a short interval,
/// so an administrator's edit in one instance reaches every instance without a restart.
/// </summary>
public sealed partial class SlaSettingsWatcher(SlaSettings settings, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaSettingsWatcher> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosted services start in registration order: the database is migrated (Startup) before this runs.
        await settings.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SettingsRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                if (await settings.RefreshAsync(stoppingToken))
                {
                    LogReloaded(logger, settings.Revision);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA settings reloaded at revision {Revision}")]
    private static partial void LogReloaded(ILogger logger, int revision);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the SLA settings revision failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
