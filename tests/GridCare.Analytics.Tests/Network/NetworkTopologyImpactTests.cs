using GridCare.Analytics.Network;
using static GridCare.Analytics.Tests.Network.SmallFeeder;

namespace GridCare.Analytics.Tests.Network;

public sealed class NetworkTopologyImpactTests
{
    private readonly NetworkTopology topology = Topology();

    [Fact]
    public void Impact_Feeder_TakesEverythingBelowButNotBehindTheNormallyOpenTie()
    {
        var impact = topology.Impact(F1);

        Assert.Equal([F1], impact.DeviceIds);
        Assert.Equal([T1, T2, T3], impact.TransformerIds.Order());
        Assert.Equal([5001, 5002, 5003, 5004], impact.CustomerIds.Order());
    }

    [Fact]
    public void Impact_BranchSwitch_IncludesNestedBranch()
    {
        Assert.Equal([5001, 5002, 5003], topology.Impact(K1).CustomerIds.Order());
        Assert.Equal([T1, T2], topology.Impact(K1).TransformerIds.Order());
        Assert.Equal([5003], topology.Impact(K2).CustomerIds);
        Assert.Equal([T2], topology.Impact(K2).TransformerIds);
    }

    [Fact]
    public void Impact_Substation_CoversAllItsFeeders()
    {
        var impact = topology.Impact(S1);

        Assert.Equal([T1, T2, T3, T5], impact.TransformerIds.Order());
        Assert.Equal([5001, 5002, 5003, 5004, 5006], impact.CustomerIds.Order());
    }

    [Fact]
    public void Impact_TransformerMeterAndServicePoint_TheirOwnCustomersOnly()
    {
        Assert.Equal([5001, 5002], topology.Impact(T1).CustomerIds.Order());
        Assert.Equal([T1], topology.Impact(T1).TransformerIds);
        Assert.Equal([5002], topology.Impact(Meter(1)).CustomerIds);
        Assert.Empty(topology.Impact(Meter(1)).TransformerIds);
        Assert.Equal([5003], topology.Impact(ServicePoint(2)).CustomerIds);
    }

    [Fact]
    public void Impact_NormallyOpenSwitch_FeedsNothing()
    {
        var impact = topology.Impact(K3);

        Assert.Equal([K3], impact.DeviceIds);
        Assert.Empty(impact.TransformerIds);
        Assert.Empty(impact.CustomerIds);
    }

    [Fact]
    public void Impact_DeviceBehindNormallyOpenSwitch_LosesItsOwnCustomers()
    {
        // T4 is fed from elsewhere (the tie is open); switching T4 off still cuts its own customers.
        Assert.Equal([5005], topology.Impact(T4).CustomerIds);
    }

    [Fact]
    public void Impact_SwitchedOffSet_IsTheUnionInTreeOrder()
    {
        var impact = topology.Impact(T3, new HashSet<long> { T5, K2 });

        Assert.Equal([T3, K2, T5], impact.DeviceIds);
        Assert.Equal([T2, T3, T5], impact.TransformerIds.Order());
        Assert.Equal([5003, 5004, 5006], impact.CustomerIds.Order());
    }

    [Fact]
    public void Impact_SwitchedOffInsideTheDevice_IsNotCountedTwice()
    {
        var impact = topology.Impact(F1, new HashSet<long> { K2, K1 });

        Assert.Equal([F1], impact.DeviceIds);
        Assert.Equal([5001, 5002, 5003, 5004], impact.CustomerIds.Order());
    }

    [Fact]
    public void Impact_DeviceInsideASwitchedOffSwitch_TheSwitchIsTheRoot()
    {
        var impact = topology.Impact(K2, new HashSet<long> { K1 });

        Assert.Equal([K1], impact.DeviceIds);
        Assert.Equal([5001, 5002, 5003], impact.CustomerIds.Order());
    }

    [Fact]
    public void Impact_SwitchedOffNormallyOpenOrUnknown_AddsNoCustomers()
    {
        var impact = topology.Impact(T3, new HashSet<long> { K3, 999_999 });

        Assert.Equal([T3, K3], impact.DeviceIds);
        Assert.Equal([5004], impact.CustomerIds);
    }

    [Fact]
    public void Impact_SwitchedOffBehindNormallyOpenSwitch_IsItsOwnRoot()
    {
        // F1's feed does not reach T4 (K3 is open), so switching T4 off adds its customers as a separate root.
        var impact = topology.Impact(F1, new HashSet<long> { T4 });

        Assert.Equal([F1, T4], impact.DeviceIds);
        Assert.Equal([5001, 5002, 5003, 5004, 5005], impact.CustomerIds.Order());
        Assert.Equal([5005], topology.Impact(T4, new HashSet<long> { K3 }).CustomerIds);
    }

    [Fact]
    public void Impact_UnknownDevice_IsEmpty()
    {
        var impact = topology.Impact(999_999, new HashSet<long> { K1 });

        Assert.Empty(impact.DeviceIds);
        Assert.Empty(impact.CustomerIds);
        Assert.Empty(topology.CustomersBelow(999_999));
    }

    [Fact]
    public void CustomersBelow_SameAsImpact()
    {
        Assert.Equal(topology.Impact(F1).CustomerIds, topology.CustomersBelow(F1));
        Assert.Equal([5007], topology.CustomersBelow(S2));
    }
}
