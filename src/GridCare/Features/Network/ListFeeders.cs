using GridCare.Domain.Network;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

public sealed record DeviceRef(long Id, string Code, string Name);

public sealed record FeederSummary(
    long Id,
    string Code,
    string Name,
    double? VoltageKv,
    AreaType AreaType,
    DeviceRef? Substation,
    int OrgUnitId,
    string SupplyStation,
    int TransformerCount,
    long TotalRatedKva);

/// <summary>The 10 kV feeders operated by the caller's org units, with their substation and transformer totals.</summary>
public sealed class ListFeeders(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    public async Task<IReadOnlyList<FeederSummary>> HandleAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await UpperNetwork.LoadAsync(db, cancellationToken);
        var transformersByParent = await db.NetworkDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Transformer)
            .GroupBy(d => d.ParentId)
            .Select(g => new { ParentId = g.Key, Count = g.Count(), Kva = g.Sum(d => d.RatedKva ?? 0) })
            .ToListAsync(cancellationToken);
        var totals = transformersByParent.Where(t => t.ParentId is not null).ToDictionary(t => t.ParentId!.Value);

        var tree = await scopes.TreeAsync(cancellationToken);
        return [.. network.Feeders
            .Where(f => scope.Sees(f.OrgUnitId))
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f =>
            {
                var below = network.FeederAndSwitchesBelow(f.Id).Select(id => totals.GetValueOrDefault(id)).Where(t => t is not null).ToList();
                var substation = f.ParentId is { } parentId ? network.Find(parentId) : null;
                return new FeederSummary(
                    f.Id, f.Code, f.Name, f.VoltageKv, f.AreaType,
                    substation is null ? null : new DeviceRef(substation.Id, substation.Code, substation.Name),
                    f.OrgUnitId, tree.Find(f.OrgUnitId)?.Name ?? string.Empty,
                    below.Sum(t => t!.Count), below.Sum(t => (long)t!.Kva));
            })];
    }
}
