using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintRisk;

/// <summary>
/// Refreshes the scores when the newest is older than <see cref="ComplaintRiskOptions.RefreshHours"/>, checking
/// hourly after a start delay (a demo's history and readings come first). Several instances may both refresh at
/// once; each refresh replaces a level's scores in one transaction, so the result is the same.
/// </summary>
public sealed partial class ComplaintRiskWorker(
    IServiceScopeFactory scopes, IOptions<ComplaintRiskOptions> options, TimeProvider time, ILogger<ComplaintRiskWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMinutes(options.Value.StartDelayMinutes), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newest = await db.Set<ComplaintRiskScore>().MaxAsync(s => (DateTime?)s.ScoredAt, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (newest is { } at && now - at < TimeSpan.FromHours(options.Value.RefreshHours))
            {
                return;
            }

            if (!await db.Customers.AnyAsync(cancellationToken))
            {
                return;
            }

            var result = await scope.ServiceProvider.GetRequiredService<RefreshComplaintRisk>().HandleAsync(cancellationToken);
            var skipped = string.Join("; ", result.Skipped);
            LogRefreshed(logger, result.Customers, result.Transformers, result.Seconds, skipped);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Complaint risk scored: {Customers} customers, {Transformers} transformers in {Seconds:F1} s {Skipped}")]
    private static partial void LogRefreshed(ILogger logger, int customers, int transformers, double seconds, string skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Complaint risk scoring failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
