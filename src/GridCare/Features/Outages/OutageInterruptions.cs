using GridCare.Domain.Outages;
using GridCare.Domain.Reliability;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// Writes the reliability ledger of an outage: one interruption record per customer when the supply goes off and
/// its restoration time when it comes back, in the caller's transaction — so the indices count every restoration
/// step exactly (Σ rᵢ·Nᵢ) and an outage that never started counts nothing.
/// </summary>
public static class OutageInterruptions
{
    /// <summary>Opens the records of an outage that has just started; the outage must be saved (it has an id).</summary>
    public static async Task StartAsync(AppDbContext db, Outage outage, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outage);
        var ids = outage.Customers.Select(c => c.CustomerId).ToList();
        var units = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.OrgUnitId }).ToDictionaryAsync(c => c.Id, c => c.OrgUnitId, cancellationToken);
        db.AddRange(ids.Where(units.ContainsKey).Select(id => InterruptionRecord.Start(
            outage.Id, outage.Number, id, units[id], outage.FeederId, atUtc, planned: outage.Kind != OutageKind.Unplanned)));
    }

    /// <summary>Closes the open records of the customers a restoration step put back; the caller saves.</summary>
    public static async Task RestoreAsync(AppDbContext db, Outage outage, IReadOnlyCollection<long> customerIds, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outage);
        var ids = customerIds.ToList();
        var open = await db.Set<InterruptionRecord>()
            .Where(r => r.OutageId == outage.Id && r.RestoredAt == null && ids.Contains(r.CustomerId))
            .ToListAsync(cancellationToken);
        foreach (var record in open)
        {
            record.Restore(atUtc < record.InterruptedAt ? record.InterruptedAt : atUtc);
        }
    }
}
