using GridCare.Domain.WorkOrders;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Platform.Database;
using GridCare.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.ManagerDashboard;

/// <summary>A unit's complaints of one class, for the second step of the drill-down.</summary>
public sealed record StationComplaints(int OrgUnitId, string Name, int Complaints);

/// <summary>One complaint order of the last step; the order page leads on to its customer.</summary>
public sealed record DrillOrder(string Number, ComplaintClass ComplaintClass, int OrgUnitId, string OrgUnit, DateTime ReceivedAt, string ReceivedAtChina, WorkOrderStatus Status, long? CustomerId, string? AccountNumber);

/// <summary>
/// The drill-down of the dashboard: a complaint class → the supply stations (the units below the manager's, which
/// complaints are routed to) with their complaints of that class → the orders of that class and station.
/// </summary>
public sealed class ListDashboardOrders(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>More than a manager reads on a screen; the Excel export has the same cap.</summary>
    public const int MaxOrders = 1000;

    public async Task<IReadOnlyList<StationComplaints>> StationsAsync(ComplaintScope area, ComplaintClass complaintClass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = (await ComplaintData.ComplaintsAsync(db, area, cancellationToken)).Where(r => r.ComplaintClass == complaintClass).ToList();
        var ids = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. rows.GroupBy(r => r.OrgUnitId)
            .Select(g => new StationComplaints(g.Key, names.GetValueOrDefault(g.Key, string.Empty), g.Count()))
            .OrderByDescending(s => s.Complaints).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The orders of a class at one unit of the scope (that unit only: the station's own orders), newest first.</summary>
    public async Task<IReadOnlyList<DrillOrder>> OrdersAsync(ComplaintScope area, ComplaintClass complaintClass, int stationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = (area.FromUtc, area.ToUtc);
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Type == WorkOrderType.Complaint && w.ComplaintClass == complaintClass && w.OrgUnitId == stationId && w.ReceivedAt >= from && w.ReceivedAt < to)
            .OrderByDescending(w => w.ReceivedAt).ThenByDescending(w => w.Id)
            .Take(MaxOrders)
            .Select(w => new { w.Number, w.OrgUnitId, w.ReceivedAt, w.Status, w.CustomerId })
            .ToListAsync(cancellationToken);
        var customerIds = orders.Where(o => o.CustomerId is not null).Select(o => o.CustomerId!.Value).Distinct().ToList();
        var accounts = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AccountNumber, cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == stationId).Select(u => u.Name).SingleAsync(cancellationToken);
        return [.. orders.Select(o => new DrillOrder(
            o.Number, complaintClass, o.OrgUnitId, unit, o.ReceivedAt, ChinaTimeText.Format(o.ReceivedAt), o.Status,
            o.CustomerId, o.CustomerId is { } id ? accounts.GetValueOrDefault(id) : null))];
    }
}
