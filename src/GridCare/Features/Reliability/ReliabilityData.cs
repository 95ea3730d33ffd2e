using GridCare.Analytics.Reliability;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Reliability;

/// <summary>The org units or the feeder whose customers and interruptions are counted.</summary>
internal sealed record ReliabilityArea(IReadOnlyCollection<int> OrgUnitIds, long? FeederId, IReadOnlyCollection<long> FeederParents);

/// <summary>
/// The database side of the indices: customers served, the period's customer interruptions for the engine, and daily
/// SAIDI summed in SQL (by the stored China day and duration) for the major event day history.
/// </summary>
internal static class ReliabilityData
{
    public static async Task<(int Total, int Urban)> CustomersServedAsync(AppDbContext db, ReliabilityArea area, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking();
        customers = area.FeederId is null
            ? customers.Where(c => area.OrgUnitIds.Contains(c.OrgUnitId))
            : customers.Where(c => area.FeederParents.Contains(c.ServicePoint!.Parent!.Parent!.ParentId!.Value));
        var byArea = await customers.GroupBy(c => c.AreaType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (byArea.Sum(a => a.Count), byArea.Where(a => a.Key == AreaType.Urban).Sum(a => a.Count));
    }

    /// <summary>
    /// The customer interruptions that began in the period; one still out counts until <paramref name="nowUtc"/>, so
    /// the current year shows the outage in progress.
    /// </summary>
    public static async Task<List<CustomerInterruption>> InterruptionsAsync(
        AppDbContext db, ReliabilityArea area, ReliabilityPeriod period, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var start = period.Start.UtcDateTime;
        var end = period.End.UtcDateTime;
        var records = db.InterruptionRecords.AsNoTracking().Where(r => r.InterruptedAt >= start && r.InterruptedAt < end);
        records = area.FeederId is { } feederId
            ? records.Where(r => r.FeederId == feederId)
            : records.Where(r => area.OrgUnitIds.Contains(r.OrgUnitId));
        var rows = await records
            .Select(r => new { r.EventKey, r.CustomerId, r.InterruptedAt, r.RestoredAt, r.SupplyShortage })
            .ToListAsync(cancellationToken);

        // Customer ids and event keys repeat across rows; one string each keeps the engine's hashing cheap.
        var customerIds = new Dictionary<long, string>();
        var eventKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<CustomerInterruption>(rows.Count);
        foreach (var row in rows)
        {
            if (!customerIds.TryGetValue(row.CustomerId, out var customer))
            {
                customer = row.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                customerIds[row.CustomerId] = customer;
            }

            if (!eventKeys.TryGetValue(row.EventKey, out var eventKey))
            {
                eventKeys[row.EventKey] = eventKey = row.EventKey;
            }

            var restored = row.RestoredAt ?? (nowUtc > row.InterruptedAt ? nowUtc : row.InterruptedAt);
            result.Add(new CustomerInterruption(
                eventKey, customer, new DateTimeOffset(row.InterruptedAt), new DateTimeOffset(restored),
                row.SupplyShortage ? InterruptionCause.SupplyShortage : InterruptionCause.Other));
        }

        return result;
    }

    /// <summary>Daily SAIDI in minutes of the restored sustained interruptions of some units, days without any left out.</summary>
    public static async Task<Dictionary<DateOnly, double>> DailySaidiAsync(
        AppDbContext db, IReadOnlyCollection<int> orgUnitIds, int customersServed, DateOnly from, DateOnly to, TimeSpan momentaryLimit, CancellationToken cancellationToken)
    {
        var limit = (int)momentaryLimit.TotalSeconds;
        var days = await db.InterruptionRecords.AsNoTracking()
            .Where(r => r.InterruptedOn >= from && r.InterruptedOn <= to && r.DurationSeconds > limit && orgUnitIds.Contains(r.OrgUnitId))
            .GroupBy(r => r.InterruptedOn)
            .Select(g => new { Day = g.Key, Seconds = g.Sum(r => (long)r.DurationSeconds!.Value) })
            .ToListAsync(cancellationToken);
        return days.ToDictionary(d => d.Day, d => d.Seconds / 60.0 / customersServed);
    }

    /// <summary>
    /// The reporting utility whose days are tested for major events: IEEE 1366 finds them for the whole system, and a
    /// station's or feeder's indices leave out the same days. A county bureau is the system; above it, the unit itself.
    /// </summary>
    public static OrgUnit SystemOf(OrgUnitTree tree, OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Level > OrgUnitLevel.County ? tree.PathTo(unit.Id).LastOrDefault(u => u.Level == OrgUnitLevel.County) ?? unit : unit;
    }

    public static async Task<UpperNetwork.Node?> FeederAsync(AppDbContext db, string code, CancellationToken cancellationToken)
    {
        var network = await UpperNetwork.LoadAsync(db, cancellationToken);
        return network.Feeders.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase));
    }
}
