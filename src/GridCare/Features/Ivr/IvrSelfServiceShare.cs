using GridCare.Domain.Ivr;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Ivr;

/// <summary>Calls the IVR answered and how many of them it resolved without an agent; <see cref="Share"/> is null without calls.</summary>
public sealed record IvrSelfServiceCount(int Calls, int Resolved)
{
    public double? Share => Calls == 0 ? null : Math.Round((double)Resolved / Calls, 4);

    public static IvrSelfServiceCount operator +(IvrSelfServiceCount a, IvrSelfServiceCount b) =>
        new(a.Calls + b.Calls, a.Resolved + b.Resolved);

    public static IvrSelfServiceCount Add(IvrSelfServiceCount a, IvrSelfServiceCount b) => a + b;
}

/// <summary>The counts of a period: in total, per China day (days without calls left out) and per org unit the calls were counted for.</summary>
public sealed record IvrSelfServiceFigures(
    IvrSelfServiceCount Total, IReadOnlyDictionary<DateOnly, IvrSelfServiceCount> ByDay, IReadOnlyDictionary<int, IvrSelfServiceCount> ByOrgUnit);

/// <summary>
/// The IVR self-service share (自助服务解决率): of the calls the IVR recorded on China days <c>from</c>..<c>to</c> for the
/// given org units, the share resolved without an agent. The one computation behind <c>GET /api/v1/ivr/self-service</c>
/// and the satisfaction indicators; callers pass the org units the user may see.
/// </summary>
public sealed class IvrSelfServiceShare(AppDbContext db)
{
    public async Task<IvrSelfServiceFigures> ComputeAsync(IReadOnlyCollection<int> orgUnitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgUnitIds);
        var units = orgUnitIds.Distinct().ToList();
        var rows = await db.Set<IvrCall>().AsNoTracking()
            .Where(c => c.CallDay >= from && c.CallDay <= to && units.Contains(c.OrgUnitId))
            .GroupBy(c => new { c.CallDay, c.OrgUnitId })
            .Select(g => new { g.Key.CallDay, g.Key.OrgUnitId, Calls = g.Count(), Resolved = g.Count(c => c.ResolvedInSelfService) })
            .ToListAsync(cancellationToken);

        var byDay = rows.GroupBy(r => r.CallDay).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => new IvrSelfServiceCount(g.Sum(r => r.Calls), g.Sum(r => r.Resolved)));
        var byUnit = rows.GroupBy(r => r.OrgUnitId).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => new IvrSelfServiceCount(g.Sum(r => r.Calls), g.Sum(r => r.Resolved)));
        var total = new IvrSelfServiceCount(rows.Sum(r => r.Calls), rows.Sum(r => r.Resolved));
        return new IvrSelfServiceFigures(total, byDay, byUnit);
    }
}
