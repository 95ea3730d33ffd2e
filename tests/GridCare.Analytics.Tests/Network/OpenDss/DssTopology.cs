using GridCare.Analytics.Network;
using GridCare.Analytics.Network.OpenDss;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Tests.Network.OpenDss;

/// <summary>A mapped feeder as a <see cref="NetworkTopology"/>, with the ids it gave devices and accounts, to check impact on it.</summary>
internal sealed class DssTopology
{
    private readonly Dictionary<string, long> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> accounts = [];

    public DssTopology(DssFeeder feeder)
    {
        var nodes = new List<TopologyNode>();
        foreach (var device in feeder.Devices)
        {
            var id = ids[device.Code] = ids.Count + 1;
            nodes.Add(new(id, device.ParentCode is null ? null : ids[device.ParentCode], device.Kind, device.IsClosed, null, 1));
        }

        foreach (var account in feeder.Accounts)
        {
            var meter = ids[account.MeterCode] = ids.Count + 1;
            var servicePoint = ids[account.ServicePointCode] = ids.Count + 1;
            var customer = 100_000 + servicePoint;
            accounts[customer] = account.LoadName;
            nodes.Add(new(meter, ids[account.TransformerCode], DeviceKind.Meter, null, null, 1));
            nodes.Add(new(servicePoint, meter, DeviceKind.ServicePoint, null, customer, 1));
        }

        Topology = NetworkTopology.Build(nodes);
    }

    public NetworkTopology Topology { get; }

    /// <summary>The load names that lose supply when the device with this code is de-energised, sorted.</summary>
    public IReadOnlyList<string> LoadsBelow(string code) =>
        [.. Topology.CustomersBelow(ids[code]).Select(c => accounts[c]).Order(StringComparer.OrdinalIgnoreCase)];
}
