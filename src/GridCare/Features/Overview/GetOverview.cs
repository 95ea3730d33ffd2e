using GridCare.Domain.Network;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Overview;

public sealed record Overview(string OrgUnitName, int Customers, int ImportantCustomers, int SensitiveCustomers, int Feeders, int Transformers, long TransformerKva);

/// <summary>The headline numbers of the caller's part of the supply area, shown on the console's home page.</summary>
public sealed class GetOverview(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    public async Task<Overview> HandleAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var customers = db.Customers.AsNoTracking().Where(c => visible.Contains(c.OrgUnitId));
        var devices = db.NetworkDevices.AsNoTracking().Where(d => visible.Contains(d.OrgUnitId));
        var tree = await scopes.TreeAsync(cancellationToken);
        return new Overview(
            tree.Find(scope.OrgUnitId)?.Name ?? string.Empty,
            await customers.CountAsync(cancellationToken),
            await customers.CountAsync(c => c.IsImportant, cancellationToken),
            await customers.CountAsync(c => c.IsSensitive, cancellationToken),
            await devices.CountAsync(d => d.Kind == DeviceKind.Feeder, cancellationToken),
            await devices.CountAsync(d => d.Kind == DeviceKind.Transformer, cancellationToken),
            await devices.Where(d => d.Kind == DeviceKind.Transformer).SumAsync(d => (long)(d.RatedKva ?? 0), cancellationToken));
    }
}
