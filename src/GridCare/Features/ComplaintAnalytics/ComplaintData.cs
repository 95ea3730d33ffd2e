using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>The period and units an analysis covers: whole China days, the unit asked for and those below it within the caller's scope.</summary>
public sealed record ComplaintScope(int OrgUnitId, string OrgUnitName, IReadOnlySet<int> Units, DateOnly From, DateOnly To)
{
    public DateTime FromUtc => ChinaTime.FromCst(From, TimeOnly.MinValue);

    public DateTime ToUtc => ChinaTime.FromCst(To.AddDays(1), TimeOnly.MinValue);

    /// <summary>The period of the same length just before, for rises.</summary>
    public ComplaintScope Previous()
    {
        var days = To.DayNumber - From.DayNumber + 1;
        return this with { From = From.AddDays(-days), To = From.AddDays(-1) };
    }
}

/// <summary>One complaint order as the analyses read it; <c>ReceivedBy</c> is who took its first contact (a staff user name or a system actor).</summary>
public sealed record ComplaintRow(
    long Id, string Number, ComplaintClass? ComplaintClass, int OrgUnitId, long? CustomerId, DateTime ReceivedAt, bool Sensitive, int RepeatContacts, string? ReceivedBy);

/// <summary>Reads the complaint orders of a scope; the analyses work on these rows in memory (a county has thousands a year, not millions).</summary>
public static class ComplaintData
{
    public static async Task<List<ComplaintRow>> ComplaintsAsync(AppDbContext db, ComplaintScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var units = scope.Units.ToList();
        var from = scope.FromUtc;
        var to = scope.ToUtc;
        return await db.WorkOrders.AsNoTracking()
            .Where(w => w.Type == WorkOrderType.Complaint && units.Contains(w.OrgUnitId) && w.ReceivedAt >= from && w.ReceivedAt < to)
            .Select(w => new ComplaintRow(
                w.Id, w.Number, w.ComplaintClass, w.OrgUnitId, w.CustomerId, w.ReceivedAt, w.SensitiveCustomer, w.RepeatContactCount,
                w.History.Where(h => h.FromStatus == null).Select(h => h.Actor).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The scope of a request: <paramref name="orgUnitId"/> (default the caller's own unit) and the units below it that
    /// the caller sees; null when the unit is not one of the caller's (answered as not found).
    /// </summary>
    public static async Task<ComplaintScope?> ScopeAsync(
        StaffScopeResolver resolver, StaffScope staff, int? orgUnitId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(staff);
        var id = orgUnitId ?? staff.OrgUnitId;
        if (!staff.Sees(id))
        {
            return null;
        }

        var tree = await resolver.TreeAsync(cancellationToken);
        var unit = tree.Find(id)!;
        return new ComplaintScope(id, unit.Name, tree.SelfAndDescendants(id).Where(staff.Sees).ToHashSet(), from, to);
    }
}
