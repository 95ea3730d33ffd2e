using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.WorkOrders;

public sealed record SlaScanResult(int Warned, int Breached);

/// <summary>
/// One pass of the SLA scanner: warns on orders that have used the configured share of their next target's time
/// (<see cref="SlaOptions.WarningPercent"/>, stored on the order as <c>NextSlaWarningAt</c>) and escalates those past
/// the deadline (priority up, breach recorded, the unit's supervisors told in the thread). Each order is handled in its own context and
/// saved under its version, so when several instances scan at once exactly one of them escalates an order; a failure
/// on one order is logged and the pass goes on.
/// </summary>
public sealed partial class ScanSlaDeadlines(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<SlaOptions> options,
    TimeProvider time,
    ILogger<ScanSlaDeadlines> logger)
{
    public async Task<SlaScanResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        List<long> breaching, warning;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            breaching = await db.WorkOrders.AsNoTracking()
                .Where(w => !w.IsBreached && w.NextSlaDeadlineAt != null && w.NextSlaDeadlineAt <= now)
                .OrderBy(w => w.NextSlaDeadlineAt).Take(batch).Select(w => w.Id)
                .ToListAsync(cancellationToken);
            warning = await db.WorkOrders.AsNoTracking()
                .Where(w => w.WarnedAt == null && !w.IsBreached && w.NextSlaWarningAt != null && w.NextSlaWarningAt <= now && w.NextSlaDeadlineAt > now)
                .OrderBy(w => w.NextSlaWarningAt).Take(batch).Select(w => w.Id)
                .ToListAsync(cancellationToken);
        }

        var breached = 0;
        foreach (var id in breaching)
        {
            breached += await HandleAsync(id, order => order.MarkBreached(now), cancellationToken) ? 1 : 0;
        }

        var warned = 0;
        foreach (var id in warning)
        {
            warned += await HandleAsync(id, order => order.MarkWarned(now), cancellationToken) ? 1 : 0;
        }

        return new SlaScanResult(warned, breached);
    }

    private async Task<bool> HandleAsync(long id, Func<WorkOrder, bool> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var order = await db.WorkOrders.Include(w => w.Entries).AsSplitQuery().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (order is null || !change(order))
            {
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another scanner (or a user) changed the order first; that instance owns this change.
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA scan failed on work order {WorkOrderId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, long workOrderId);
}
