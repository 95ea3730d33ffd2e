using GridCare.Domain.Network;
using GridCare.Domain.Outages;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>An outage's place and who it cuts off, traced on the network as it is switched now.</summary>
public sealed record TracedOutage(OutagePlace Place, OutageImpact Impact, NetworkDevice Device);

/// <summary>
/// Traces what an outage on a device (and further switched-off devices) cuts off: the customers below it through
/// closed switches, each with its transformer, and the feeder and unit it belongs to. Used by planned outages and
/// by detection alike, so both notify exactly the same customers a trace shows.
/// </summary>
public sealed class TraceOutage(AppDbContext db, NetworkTopologyCache topologies)
{
    public async Task<TracedOutage> TraceAsync(NetworkDevice device, IReadOnlyList<NetworkDevice> switchedOff, string? area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(switchedOff);
        var topology = await topologies.GetAsync(cancellationToken);
        var off = switchedOff.Select(d => d.Id).Where(id => id != device.Id).ToHashSet();
        var impact = topology.Impact(device.Id, off.Count == 0 ? null : off);
        var important = (await db.Customers.AsNoTracking().Where(c => c.IsImportant).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var customers = impact.CustomerIds
            .Select(id => (id, topology.ServicePointOfCustomer(id) is { } point ? topology.TransformerOf(point) : null))
            .ToList();
        var feederId = topology.FeederOf(device.Id);
        var place = new OutagePlace(device.Id, [.. off], device.OrgUnitId, feederId, area ?? await AreaOfAsync(device, feederId, cancellationToken));
        return new TracedOutage(place, new OutageImpact(customers, impact.TransformerIds.Count, customers.Count(c => important.Contains(c.id))), device);
    }

    /// <summary>The area as a customer reads it in a notice: the feeder and, below it, the device (its name says where).</summary>
    private async Task<string> AreaOfAsync(NetworkDevice device, long? feederId, CancellationToken cancellationToken)
    {
        if (feederId is not { } id || id == device.Id)
        {
            return device.Name;
        }

        var feeder = await db.NetworkDevices.AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return feeder is null ? device.Name : $"{feeder} · {device.Name}";
    }
}
