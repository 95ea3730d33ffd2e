using GridCare.Domain.Outages;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>One outage with its timeline, restoration steps, switched-off devices and first affected customers.</summary>
public sealed class GetOutage(AppDbContext db, OutageCustomers customers)
{
    public async Task<OutageDetail?> HandleAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var outage = await db.Set<Outage>().AsNoTracking()
            .Include(o => o.Customers).Include(o => o.Entries).Include(o => o.Steps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Number == number && visible.Contains(o.OrgUnitId), cancellationToken);
        if (outage is null)
        {
            return null;
        }

        var deviceIds = outage.SwitchedOffDeviceIds.Concat(outage.Steps.Where(s => s.DeviceId is not null).Select(s => s.DeviceId!.Value)).Append(outage.DeviceId).Distinct().ToList();
        var codes = await db.NetworkDevices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var device = codes[outage.DeviceId];
        var listed = await customers.ListAsync(
            outage.Customers.OrderBy(c => c.RestoredAt is null ? 0 : 1).Select(c => c.CustomerId).Take(PlanOutage.ListedCustomers).ToList(), outage, scope, cancellationToken);
        return new OutageDetail(
            OutageResponse.Of(outage, new OutageDevice(device.Code, device.Name, device.Kind)),
            [.. outage.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new OutageEntryResponse(e.At, e.Kind, e.Actor, e.Detail))],
            [.. outage.Steps.OrderBy(s => s.At).Select(s => new OutageStepResponse(s.At, s.DeviceId is { } id ? codes[id].Code : null, s.CustomersRestored, s.Actor))],
            listed,
            [.. outage.SwitchedOffDeviceIds.Select(id => codes[id].Code)]);
    }
}
