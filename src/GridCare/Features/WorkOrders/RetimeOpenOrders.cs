using GridCare.Domain.WorkOrders;
using GridCare.Features.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// Brings open orders up to the SLA settings this instance holds: every open order timed by an older settings
/// revision is re-timed (<see cref="WorkOrder.Retime"/>), its deadlines not yet met counted again by the policy and
/// calendar now in force. Runs before each SLA scan, so a changed limit is applied before anything is escalated.
/// </summary>
/// <remarks>
/// The revision on the order makes this safe and complete with several instances: each order is saved under its
/// version, so two instances never both record the same re-timing; an order an instance with older settings
/// received or changed meanwhile keeps an older revision and is picked up by the next pass; a failed order is
/// logged and tried again next pass.
/// </remarks>
public sealed partial class RetimeOpenOrders(
    IDbContextFactory<AppDbContext> dbFactory,
    SlaSettings settings,
    IOptions<SlaOptions> options,
    TimeProvider time,
    ILogger<RetimeOpenOrders> logger)
{
    private static readonly WorkOrderStatus[] Closed = [WorkOrderStatus.Closed, WorkOrderStatus.Cancelled];

    /// <summary>Re-times every stale open order, a batch at a time; answers how many were re-timed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var clock = settings.Clock;
        var policies = settings.Policies;
        var revision = clock.SettingsRevision;
        var retimed = 0;
        for (var after = 0L; ;)
        {
            List<long> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.WorkOrders.AsNoTracking()
                    .Where(w => w.SlaSettingsRevision < revision && !Closed.Contains(w.Status) && w.Id > after)
                    .OrderBy(w => w.Id).Take(options.Value.BatchSize).Select(w => w.Id)
                    .ToListAsync(cancellationToken);
            }

            if (batch.Count == 0)
            {
                return retimed;
            }

            foreach (var id in batch)
            {
                retimed += await RetimeAsync(id, order => order.Retime(policies, clock, time.GetUtcNow().UtcDateTime), cancellationToken) ? 1 : 0;
            }

            after = batch[^1];
        }
    }

    private async Task<bool> RetimeAsync(long id, Func<WorkOrder, bool> retime, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var order = await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (order is null || !retime(order))
            {
                return false;
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the order meanwhile; its revision is still old, so the next pass re-times it.
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-timing work order {WorkOrderId} to the current SLA settings failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long workOrderId);
}
