using Microsoft.Extensions.Options;

namespace GridCare.Features.Demo;

/// <summary>
/// Generates the demo's meter readings once the host has started: tens of millions of rows take tens of seconds, and
/// the console is usable meanwhile (its meter pages fill in when the batch commits).
/// </summary>
public sealed partial class DemoReadingsWorker(IServiceProvider services, IOptions<DemoOptions> demo, ILogger<DemoReadingsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.Enabled || demo.Value.MeterDays <= 0)
        {
            return;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<SeedDemoReadings>().HandleAsync(demo.Value.MeterDays, stoppingToken);
            if (seeded.First is { } first)
            {
                LogSeeded(logger, seeded.MeterReadings, seeded.TerminalReadings, first, seeded.Last!.Value, seeded.Elapsed.TotalSeconds);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo meter data: {Meters} meter and {Terminals} terminal readings for {First} to {Last} in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, long meters, long terminals, DateOnly first, DateOnly last, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo meter data could not be generated")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
