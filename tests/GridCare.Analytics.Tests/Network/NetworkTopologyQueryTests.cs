using GridCare.Analytics.Network;
using GridCare.Domain.Network;
using static GridCare.Analytics.Tests.Network.SmallFeeder;

namespace GridCare.Analytics.Tests.Network;

public sealed class NetworkTopologyQueryTests
{
    private readonly NetworkTopology topology = Topology();

    [Fact]
    public void DeepestCommonDevice_MetersOnNestedBranches_TheOuterBranchSwitch() =>
        Assert.Equal(K1, topology.DeepestCommonDevice([Meter(0), Meter(2)]));

    [Fact]
    public void DeepestCommonDevice_DeviceAndItsAncestor_TheAncestor() =>
        Assert.Equal(K1, topology.DeepestCommonDevice([ServicePoint(2), K1, T1]));

    [Fact]
    public void DeepestCommonDevice_OneDevice_ItselfAndAcrossFeeders_TheSubstation()
    {
        Assert.Equal(Meter(1), topology.DeepestCommonDevice([Meter(1)]));
        Assert.Equal(S1, topology.DeepestCommonDevice([ServicePoint(0), ServicePoint(5)]));
        Assert.Equal(F1, topology.DeepestCommonDevice([ServicePoint(3), ServicePoint(4), ServicePoint(1)]));
    }

    [Fact]
    public void DeepestCommonDevice_NoneUnknownOrSeparateTrees_Null()
    {
        Assert.Null(topology.DeepestCommonDevice([]));
        Assert.Null(topology.DeepestCommonDevice([Meter(0), 999_999]));
        Assert.Null(topology.DeepestCommonDevice([Meter(0), Meter(6)]));
    }

    [Fact]
    public void PathUp_ServicePoint_DeviceFirstUpToTheSubstation()
    {
        Assert.Equal([ServicePoint(2), Meter(2), T2, K2, K1, F1, S1], topology.PathUp(ServicePoint(2)));
        Assert.Equal([S2], topology.PathUp(S2));
        Assert.Empty(topology.PathUp(999_999));
    }

    [Fact]
    public void TransformerOf_And_FeederOf()
    {
        Assert.Equal(T1, topology.TransformerOf(ServicePoint(1)));
        Assert.Equal(T1, topology.TransformerOf(Meter(0)));
        Assert.Equal(T1, topology.TransformerOf(T1));
        Assert.Null(topology.TransformerOf(K1));
        Assert.Null(topology.TransformerOf(999_999));
        Assert.Equal(F1, topology.FeederOf(ServicePoint(2)));
        Assert.Equal(F1, topology.FeederOf(F1));
        Assert.Equal(F3, topology.FeederOf(T6));
        Assert.Null(topology.FeederOf(S1));
    }

    [Fact]
    public void ServicePointOfCustomer_ContainsAndCounts()
    {
        Assert.Equal(ServicePoint(4), topology.ServicePointOfCustomer(5005));
        Assert.Null(topology.ServicePointOfCustomer(1));
        Assert.True(topology.Contains(K3));
        Assert.False(topology.Contains(999_999));
        Assert.Equal(7, topology.CustomerCount);
        Assert.Equal(3, topology.OrgUnitOf(F2));
        Assert.Null(topology.OrgUnitOf(999_999));
        Assert.Equal(2, topology.OrgUnitOfCustomer(5001));
        Assert.Null(topology.OrgUnitOfCustomer(1));
        Assert.Equal(Nodes().Count, topology.DeviceCount);
    }

    [Fact]
    public void Build_DuplicateId_Rejected() =>
        Assert.Throws<ArgumentException>(() => NetworkTopology.Build([.. Nodes(), new TopologyNode(K1, F2, DeviceKind.Switch, true, null, 2)]));

    [Fact]
    public void Build_CustomerOnTwoServicePoints_Rejected() =>
        Assert.Throws<ArgumentException>(() => NetworkTopology.Build([.. Nodes(), new TopologyNode(2000, Meter(0), DeviceKind.ServicePoint, null, 5001, 2)]));

    [Fact]
    public void Build_ParentCycle_Rejected()
    {
        TopologyNode[] nodes =
        [
            new(1, null, DeviceKind.Substation, null, null, 1),
            new(2, 3, DeviceKind.Switch, true, null, 1),
            new(3, 2, DeviceKind.Switch, true, null, 1),
        ];

        var error = Assert.Throws<ArgumentException>(() => NetworkTopology.Build(nodes));
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ParentNotLoaded_BecomesARoot()
    {
        var topology = NetworkTopology.Build([new TopologyNode(T1, 77, DeviceKind.Transformer, null, null, 1), new TopologyNode(Meter(0), T1, DeviceKind.Meter, null, null, 1), new TopologyNode(ServicePoint(0), Meter(0), DeviceKind.ServicePoint, null, 42, 1)]);

        Assert.Equal([T1], topology.PathUp(T1));
        Assert.Equal([42], topology.CustomersBelow(T1));
    }

    [Fact]
    public void Build_VeryDeepChain_DoesNotOverflowTheStack()
    {
        const int depth = 200_000;
        var nodes = Enumerable.Range(1, depth).Select(i => new TopologyNode(i, i == 1 ? null : i - 1, DeviceKind.Switch, true, i == depth ? 9 : null, 1));

        var topology = NetworkTopology.Build(nodes);

        Assert.Equal([9], topology.CustomersBelow(1));
        Assert.Equal(depth, topology.PathUp(depth).Count);
    }
}
