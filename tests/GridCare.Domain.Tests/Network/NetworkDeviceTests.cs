using GridCare.Domain.Network;

namespace GridCare.Domain.Tests.Network;

public class NetworkDeviceTests
{
    private static readonly NetworkDevice Substation = NetworkDevice.Substation("S1", "大方110kV变电站", 110, AreaType.Urban, 3);
    private static readonly NetworkDevice Feeder = NetworkDevice.Feeder(Substation, "F1", "10kV城关Ⅰ回线", AreaType.Urban, 4);

    [Fact]
    public void Transformer_BelowBranchSwitch_KeepsRatedKvaAndParent()
    {
        var branch = NetworkDevice.Switch(Feeder, "K1", "红星支线开关", AreaType.Rural, 4);
        var transformer = NetworkDevice.Transformer(branch, "T1", "红星村1号公变", 200, AreaType.Rural, 4);

        Assert.Equal(DeviceKind.Transformer, transformer.Kind);
        Assert.Equal(200, transformer.RatedKva);
        Assert.Same(branch, transformer.Parent);
        Assert.True(branch.IsClosed);
    }

    [Fact]
    public void Meter_BelowTransformer_InheritsAreaAndOrgUnit()
    {
        var transformer = NetworkDevice.Transformer(Feeder, "T2", "顺德路1号公变", 630, AreaType.Urban, 4);
        var meter = NetworkDevice.Meter(transformer, "3010000000001", phases: 3, ctRatio: 50);
        var servicePoint = NetworkDevice.ServicePoint(meter, "SP1", "人民路1号");

        Assert.Equal(AreaType.Urban, servicePoint.AreaType);
        Assert.Equal(4, servicePoint.OrgUnitId);
        Assert.Equal(50, meter.CtRatio);
    }

    [Theory]
    [InlineData(DeviceKind.Feeder, null)]
    [InlineData(DeviceKind.Transformer, DeviceKind.Substation)]
    [InlineData(DeviceKind.Meter, DeviceKind.Feeder)]
    [InlineData(DeviceKind.ServicePoint, DeviceKind.Transformer)]
    [InlineData(DeviceKind.Substation, DeviceKind.Feeder)]
    public void CanBeChildOf_BreaksTheSupplyChain_IsFalse(DeviceKind child, DeviceKind? parent)
    {
        Assert.False(NetworkDevice.CanBeChildOf(child, parent));
    }

    [Theory]
    [InlineData(DeviceKind.Substation, null)]
    [InlineData(DeviceKind.Switch, DeviceKind.Switch)]
    [InlineData(DeviceKind.Transformer, DeviceKind.Feeder)]
    [InlineData(DeviceKind.ServicePoint, DeviceKind.Meter)]
    public void CanBeChildOf_FollowsTheSupplyChain_IsTrue(DeviceKind child, DeviceKind? parent)
    {
        Assert.True(NetworkDevice.CanBeChildOf(child, parent));
    }

    [Fact]
    public void Transformer_WithoutCapacity_Fails()
    {
        Assert.Throws<DomainRuleException>(() => NetworkDevice.Transformer(Feeder, "T3", "x", 0, AreaType.Rural, 4));
    }

    [Fact]
    public void Meter_WithTwoPhases_Fails()
    {
        var transformer = NetworkDevice.Transformer(Feeder, "T4", "x", 100, AreaType.Rural, 4);
        Assert.Throws<DomainRuleException>(() => NetworkDevice.Meter(transformer, "M", phases: 2));
    }

    [Fact]
    public void Update_MovingFeederBelowTransformer_Fails()
    {
        var transformer = NetworkDevice.Transformer(Feeder, "T5", "x", 100, AreaType.Rural, 4);
        var feeder = NetworkDevice.Feeder(Substation, "F9", "10kV羊场线", AreaType.Rural, 5);

        Assert.Throws<DomainRuleException>(() => feeder.Update("10kV羊场线", transformer, AreaType.Rural, 5, null, 10, null));
    }
}
