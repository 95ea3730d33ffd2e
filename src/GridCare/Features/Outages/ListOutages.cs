using GridCare.Domain.Outages;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// The outage board's list: current outages (active first, then scheduled by start) or, with a status, those of that
/// status, newest first — in the caller's units.
/// </summary>
public sealed class ListOutages(AppDbContext db)
{
    public async Task<IReadOnlyList<OutageResponse>> HandleAsync(OutageStatus? status, OutageKind? kind, StaffScope scope, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var query = db.Set<Outage>().AsNoTracking().Where(o => visible.Contains(o.OrgUnitId));
        query = status is { } wanted
            ? query.Where(o => o.Status == wanted)
            : query.Where(o => o.Status == OutageStatus.Active || o.Status == OutageStatus.Scheduled);
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var outages = await query
            .OrderBy(o => o.Status == OutageStatus.Active ? 0 : 1)
            .ThenByDescending(o => o.StartedAt)
            .ThenBy(o => o.PlannedStart)
            .ThenByDescending(o => o.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        var deviceIds = outages.Select(o => o.DeviceId).Distinct().ToList();
        var devices = await db.NetworkDevices.AsNoTracking().Where(d => deviceIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new OutageDevice(d.Code, d.Name, d.Kind), cancellationToken);
        return [.. outages.Select(o => OutageResponse.Of(o, devices[o.DeviceId]))];
    }
}
