using GridCare.Domain.Network;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

public sealed record ImpactDevice(string Code, DeviceKind Kind, string Name);

public sealed record ImpactTransformer(string Code, string Name, int? RatedKva);

public sealed record ImpactCustomer(string AccountNumber, string Name, string? Phone, string Address, bool IsImportant);

public sealed record DeviceImpactResponse(
    ImpactDevice Device,
    IReadOnlyList<ImpactTransformer> Transformers,
    int TransformerCount,
    int CustomerCount,
    int ImportantCustomerCount,
    IReadOnlyList<ImpactCustomer> Customers);

/// <summary>The outcome: the impact, the device unknown to the caller (404), or switched-off codes that are not devices the caller sees (400).</summary>
public abstract record DeviceImpactResult
{
    public sealed record Found(DeviceImpactResponse Impact) : DeviceImpactResult;

    public sealed record NotFound : DeviceImpactResult;

    public sealed record UnknownSwitchedOff(IReadOnlyList<string> Codes) : DeviceImpactResult;
}

/// <summary>
/// Who loses supply when a device is de-energised (and, optionally, more switches opened): the transformers and
/// customers below it, traced on the cached <see cref="NetworkTopologyCache"/> rather than the database, so a
/// substation answers as fast as a meter. Everything is limited to the caller's org units: a device outside them is
/// not found, and customers or transformers of other units below a visible device are neither listed nor counted.
/// At most <see cref="ListedCustomers"/> customers are listed, important ones first, then in supply order.
/// </summary>
public sealed class GetDeviceImpact(IDbContextFactory<AppDbContext> dbFactory, NetworkTopologyCache cache)
{
    public const int ListedCustomers = 200;

    public async Task<DeviceImpactResult> HandleAsync(string code, IReadOnlyCollection<string> switchedOffCodes, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(switchedOffCodes);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.NetworkDevices.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Code, d.Kind, d.Name, d.OrgUnitId })
            .FirstOrDefaultAsync(cancellationToken);
        if (device is null || !scope.Sees(device.OrgUnitId))
        {
            return new DeviceImpactResult.NotFound();
        }

        var switchedOff = new HashSet<long>();
        if (switchedOffCodes.Count > 0)
        {
            var found = await db.NetworkDevices.AsNoTracking().Where(d => switchedOffCodes.Contains(d.Code))
                .Select(d => new { d.Id, d.Code, d.OrgUnitId })
                .ToListAsync(cancellationToken);
            var visible = found.Where(d => scope.Sees(d.OrgUnitId)).ToList();
            var unknown = switchedOffCodes.Except(visible.Select(d => d.Code), StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return new DeviceImpactResult.UnknownSwitchedOff(unknown);
            }

            switchedOff.UnionWith(visible.Select(d => d.Id));
        }

        var snapshot = await cache.GetSnapshotAsync(cancellationToken);
        var topology = snapshot.Topology;
        var impact = topology.Impact(device.Id, switchedOff);
        var customerIds = impact.CustomerIds.Where(c => topology.OrgUnitOfCustomer(c) is { } unit && scope.Sees(unit)).ToList();
        var transformerIds = impact.TransformerIds.Where(t => topology.OrgUnitOf(t) is { } unit && scope.Sees(unit)).ToList();
        var important = customerIds.Where(snapshot.ImportantCustomerIds.Contains).ToList();
        var listedIds = important.Concat(customerIds.Where(c => !snapshot.ImportantCustomerIds.Contains(c))).Take(ListedCustomers).ToList();

        var transformers = await db.NetworkDevices.AsNoTracking().Where(d => transformerIds.Contains(d.Id))
            .OrderBy(d => d.Code)
            .Select(d => new ImpactTransformer(d.Code, d.Name, d.RatedKva))
            .ToListAsync(cancellationToken);
        var rows = await db.Customers.AsNoTracking().Where(c => listedIds.Contains(c.Id))
            .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Phone, c.Address, c.IsImportant })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var customers = listedIds.Where(rows.ContainsKey).Select(id => rows[id])
            .Select(c => new ImpactCustomer(c.AccountNumber, c.Name, PersonalDataAccess.Phone(c.Phone, scope.Roles), c.Address, c.IsImportant))
            .ToList();

        return new DeviceImpactResult.Found(new DeviceImpactResponse(
            new ImpactDevice(device.Code, device.Kind, device.Name), transformers, transformers.Count, customerIds.Count, important.Count, customers));
    }
}
