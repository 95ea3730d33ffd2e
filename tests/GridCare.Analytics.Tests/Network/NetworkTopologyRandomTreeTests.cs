using GridCare.Analytics.Network;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Tests.Network;

/// <summary>The range-scan engine agrees with the obvious recursive walk over child lists on random trees.</summary>
public sealed class NetworkTopologyRandomTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Impact_RandomTree_SameAsRecursiveWalk(int seed)
    {
        var random = new Random(seed);
        var nodes = new List<TopologyNode>();
        var nextId = 1L;
        var nextCustomer = 1L;
        for (var s = 0; s < 2; s++)
        {
            var substation = nextId++;
            nodes.Add(new(substation, null, DeviceKind.Substation, null, null, 1));
            for (var f = 0; f < 3; f++)
            {
                var feeder = nextId++;
                nodes.Add(new(feeder, substation, DeviceKind.Feeder, null, null, 1));
                var parents = new List<long> { feeder };
                for (var k = 0; k < 8; k++)
                {
                    var id = nextId++;
                    nodes.Add(new(id, parents[random.Next(parents.Count)], DeviceKind.Switch, random.Next(5) > 0, null, 1));
                    parents.Add(id);
                }

                for (var t = 0; t < 12; t++)
                {
                    var transformer = nextId++;
                    nodes.Add(new(transformer, parents[random.Next(parents.Count)], DeviceKind.Transformer, null, null, 1));
                    for (var m = random.Next(0, 6); m > 0; m--)
                    {
                        var meter = nextId++;
                        nodes.Add(new(meter, transformer, DeviceKind.Meter, null, null, 1));
                        nodes.Add(new(nextId++, meter, DeviceKind.ServicePoint, null, nextCustomer++, 1));
                    }
                }
            }
        }

        // Shuffled input: the numbering must not depend on the order rows come from the database.
        var shuffled = nodes.OrderBy(_ => random.Next()).ToList();
        var topology = NetworkTopology.Build(shuffled);
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var byId = nodes.ToDictionary(n => n.Id);

        foreach (var node in nodes)
        {
            var switchedOff = new HashSet<long>(Enumerable.Range(0, random.Next(3)).Select(_ => nodes[random.Next(nodes.Count)].Id).Where(id => byId[id].Kind == DeviceKind.Switch));
            var expectedCustomers = new HashSet<long>();
            var expectedTransformers = new HashSet<long>();
            foreach (var root in switchedOff.Append(node.Id))
            {
                Walk(root);
            }

            var impact = topology.Impact(node.Id, switchedOff);
            Assert.Equal(expectedCustomers.Order(), impact.CustomerIds.Order());
            Assert.Equal(expectedTransformers.Order(), impact.TransformerIds.Order());
            Assert.Equal(impact.CustomerIds.Count, impact.CustomerIds.Distinct().Count());

            void Walk(long id)
            {
                var current = byId[id];
                if (current.IsClosed == false)
                {
                    return;
                }

                if (current.CustomerId is { } customer)
                {
                    expectedCustomers.Add(customer);
                }

                if (current.Kind == DeviceKind.Transformer)
                {
                    expectedTransformers.Add(id);
                }

                foreach (var child in children[id])
                {
                    Walk(child.Id);
                }
            }
        }
    }
}
