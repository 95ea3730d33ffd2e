using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GridCare.Analytics.Network;
using GridCare.Domain.Network;
using GridCare.Features.Demo;

namespace GridCare.Benchmarks;

/// <summary>
/// Issue #4: impact of any device in under 10 ms at city size (300,000 customers). The network is the demo
/// generator's City area, built in memory (ids given in creation order, as the database would) and projected to the
/// rows <c>NetworkTopologyCache</c> loads. Beside <see cref="NetworkTopology.Impact"/> runs the obvious approach: a
/// recursive walk over parent→children lists built from the same rows, skipping normally-open switches, collecting the
/// same transformers and customers. Building either structure is setup, printed once.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class NetworkImpactBenchmarks
{
    private static readonly Lazy<CityNetwork> City = new(CityNetwork.Generate);
    private long target;

    [Params("feeder", "branch switch", "transformer", "meter")]
    public string Target { get; set; } = "feeder";

    [GlobalSetup]
    public void Setup()
    {
        var city = City.Value;
        target = Target switch
        {
            "feeder" => city.Largest(DeviceKind.Feeder),
            "branch switch" => city.Largest(DeviceKind.Switch),
            "transformer" => city.Largest(DeviceKind.Transformer),
            _ => city.Rows.First(r => r.Kind == DeviceKind.Meter).Id,
        };
        Console.WriteLine($"// {Target} {target}: {city.Topology.CustomersBelow(target).Count} customers below");
    }

    [Benchmark(Description = "NetworkTopology.Impact (pre-order ranges)")]
    public int Ranges()
    {
        var impact = City.Value.Topology.Impact(target);
        return impact.CustomerIds.Count + impact.TransformerIds.Count;
    }

    [Benchmark(Baseline = true, Description = "recursive walk over child lists")]
    public int RecursiveWalk()
    {
        var city = City.Value;
        var customers = new List<long>();
        var transformers = new List<long>();
        Walk(city.Rows[city.IndexOf[target]], isRoot: true);
        return customers.Count + transformers.Count;

        void Walk(TopologyNode node, bool isRoot)
        {
            if (!isRoot && node.IsClosed == false)
            {
                return;
            }

            if (node.CustomerId is { } customer)
            {
                customers.Add(customer);
            }
            else if (node.Kind == DeviceKind.Transformer)
            {
                transformers.Add(node.Id);
            }

            if (city.Children.TryGetValue(node.Id, out var children))
            {
                foreach (var child in children)
                {
                    Walk(child, isRoot: false);
                }
            }
        }
    }

    /// <summary>The City demo area as topology rows, the engine built over them, and the baseline's child lists.</summary>
    private sealed class CityNetwork
    {
        public required List<TopologyNode> Rows { get; init; }

        public required Dictionary<long, int> IndexOf { get; init; }

        public required Dictionary<long, List<TopologyNode>> Children { get; init; }

        public required NetworkTopology Topology { get; init; }

        public long Largest(DeviceKind kind) =>
            Rows.Where(r => r.Kind == kind).MaxBy(r => Topology.CustomersBelow(r.Id).Count)!.Id;

        public static CityNetwork Generate()
        {
            var clock = Stopwatch.StartNew();
            var area = new DemoSupplyArea(DemoSize.City, new DemoOptions().Seed);
            var organization = area.CreateOrganization();
            var ids = new Dictionary<NetworkDevice, long>(ReferenceEqualityComparer.Instance);
            var rows = new List<TopologyNode>();
            var customerNo = 0L;
            foreach (var county in organization.Counties)
            {
                var part = area.CreateCounty(county);
                var customerOf = new Dictionary<NetworkDevice, long>(ReferenceEqualityComparer.Instance);
                foreach (var customer in part.Customers)
                {
                    customerOf[customer.ServicePoint!] = ++customerNo;
                }

                foreach (var device in part.Devices)
                {
                    var id = ids[device] = ids.Count + 1;
                    long? customerId = customerOf.TryGetValue(device, out var c) ? c : null;
                    rows.Add(new TopologyNode(id, device.Parent is null ? null : ids[device.Parent], device.Kind, device.IsClosed, customerId, device.OrgUnitId));
                }
            }

            var generated = clock.Elapsed;
            clock.Restart();
            var topology = NetworkTopology.Build(rows);
            var built = clock.Elapsed;
            clock.Restart();
            var children = rows.Where(r => r.ParentId is not null).GroupBy(r => r.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            var lists = clock.Elapsed;
            Console.WriteLine($"// City area: {rows.Count:N0} devices, {topology.CustomerCount:N0} customers; generated in {generated.TotalSeconds:F1} s; " +
                              $"NetworkTopology.Build {built.TotalMilliseconds:F0} ms; baseline child lists {lists.TotalMilliseconds:F0} ms");
            return new CityNetwork
            {
                Rows = rows,
                IndexOf = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i),
                Children = children,
                Topology = topology,
            };
        }
    }
}
