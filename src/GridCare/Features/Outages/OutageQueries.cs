using GridCare.Domain.Outages;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>A customer's current outage, as callers, the portal and the IVR are told of it.</summary>
public sealed record KnownOutage(string Number, OutageKind Kind, OutageStatus Status, string Area, string Reason, DateTime? Start, DateTime? Etr, int CustomerCount);

/// <summary>The queries other features use to read outages (STYLE.md rule 3).</summary>
public static class OutageQueries
{
    public static async Task<OutageDevice> DeviceAsync(AppDbContext db, long deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.NetworkDevices.AsNoTracking().Where(d => d.Id == deviceId)
            .Select(d => new OutageDevice(d.Code, d.Name, d.Kind))
            .FirstAsync(cancellationToken);
    }

    /// <summary>
    /// The outage each customer is in now: active and not yet restored for them, or scheduled to cut them within
    /// <paramref name="scheduledWithin"/> (a caller the day before a planned cut is told of it too).
    /// </summary>
    public static async Task<Dictionary<long, KnownOutage>> CurrentForCustomersAsync(
        AppDbContext db, IReadOnlyCollection<long> customerIds, DateTime nowUtc, TimeSpan scheduledWithin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (customerIds.Count == 0)
        {
            return [];
        }

        var ids = customerIds.Distinct().ToList();
        var until = nowUtc + scheduledWithin;
        var rows = await (
                from affected in db.Set<OutageCustomer>()
                where ids.Contains(affected.CustomerId) && affected.RestoredAt == null
                join outage in db.Set<Outage>() on affected.OutageId equals outage.Id
                where outage.Status == OutageStatus.Active || (outage.Status == OutageStatus.Scheduled && outage.PlannedStart <= until)
                select new
                {
                    affected.CustomerId,
                    Outage = new KnownOutage(outage.Number, outage.Kind, outage.Status, outage.Area, outage.Reason,
                        outage.StartedAt ?? outage.PlannedStart, outage.Etr, outage.CustomerCount),
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // An active outage tells more than a scheduled one; of two, the one that started last is the one to tell.
        return rows.GroupBy(r => r.CustomerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Outage.Status == OutageStatus.Active ? 0 : 1).ThenByDescending(r => r.Outage.Start).First().Outage);
    }

    /// <summary>Outages by id as a caller is told of them (for answering a retried call with what it was told first).</summary>
    public static async Task<Dictionary<long, KnownOutage>> KnownAsync(AppDbContext db, IReadOnlyCollection<long> outageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = outageIds.ToList();
        return await db.Set<Outage>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(
                o => o.Id,
                o => new KnownOutage(o.Number, o.Kind, o.Status, o.Area, o.Reason, o.StartedAt ?? o.PlannedStart, o.Etr, o.CustomerCount),
                cancellationToken);
    }
}
