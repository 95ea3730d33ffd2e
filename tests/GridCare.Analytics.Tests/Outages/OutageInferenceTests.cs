using GridCare.Analytics.Network;
using GridCare.Analytics.Outages;
using GridCare.Domain.Network;
using GridCare.Domain.Outages;

namespace GridCare.Analytics.Tests.Outages;

/// <summary>
/// A feeder F (id 1) with a branch switch K (2) feeding transformers T1 (3) and T2 (4), and transformer T3 (5)
/// straight on the feeder; each transformer has ten customers (meter 100+n, service point 200+n, customer 1000+n).
/// </summary>
public sealed class OutageInferenceTests
{
    private static readonly NetworkTopology Feeder = Build();

    [Fact]
    public void LastGaspsUnderTwoTransformersOfABranch_AreOneOutageOnTheBranchSwitch()
    {
        var signals = Meters(0, 1, 2, 10, 11, 12, 13).Concat([Call(14)]).ToList();

        var inference = OutageInference.Infer(Feeder, signals);

        var outage = Assert.Single(inference.Outages);
        Assert.Equal((2L, 20, 8), (outage.DeviceId, outage.CustomersBelow, outage.ReportingCustomers));
        Assert.Equal(signals.Count, outage.SignalIds.Count);
        Assert.Empty(inference.SingleCustomers);
    }

    [Fact]
    public void TwoReportsFromOneTransformer_AreAnOutageOnThatTransformer_AndAReportElsewhereIsASingleCustomer()
    {
        var inference = OutageInference.Infer(Feeder, [.. Meters(20, 21), .. Meters(0)]);

        Assert.Equal(5L, Assert.Single(inference.Outages).DeviceId);
        var single = Assert.Single(inference.SingleCustomers);
        Assert.Equal((1000L, 3L), (single.CustomerId, single.TransformerId));
    }

    [Fact]
    public void LoneReportsFromTwoTransformers_AreTwoSingleCustomers_ButThreeTogetherPointUpstream()
    {
        var two = OutageInference.Infer(Feeder, [.. Meters(0, 10)]);
        var three = OutageInference.Infer(Feeder, [.. Meters(0, 10, 20)]);

        Assert.Empty(two.Outages);
        Assert.Equal(2, two.SingleCustomers.Count);
        Assert.Equal(1L, Assert.Single(three.Outages).DeviceId);
        Assert.Empty(three.SingleCustomers);
    }

    [Fact]
    public void ATrip_PlacesTheOutageOnTheTrippedDevice_WithFullConfidence_AndTakesTheEventsBelowIt()
    {
        var inference = OutageInference.Infer(Feeder, [new SignalPoint(1, 2, null, SignalKind.Trip), .. Meters(0, 10), .. Meters(20)]);

        var outage = Assert.Single(inference.Outages);
        Assert.Equal((2L, 1.0, 3), (outage.DeviceId, outage.Confidence, outage.SignalIds.Count));
        Assert.Single(inference.SingleCustomers);
    }

    [Fact]
    public void ATerminalLosingVoltage_IsNearProofForItsTransformer()
    {
        var inference = OutageInference.Infer(Feeder, [new SignalPoint(1, 3, null, SignalKind.VoltageLoss)]);

        var outage = Assert.Single(inference.Outages);
        Assert.Equal((3L, 10), (outage.DeviceId, outage.ReportingCustomers));
        Assert.True(outage.Confidence >= 0.9);
    }

    [Fact]
    public void Confidence_RisesWithTheShareOfCustomersReporting()
    {
        Assert.Equal(0.3, OutageInference.Confidence(0, 100, terminalLostVoltage: false));
        Assert.Equal(0.69, OutageInference.Confidence(20, 100, terminalLostVoltage: false), 2);
        Assert.Equal(0.95, OutageInference.Confidence(40, 100, terminalLostVoltage: false));
        Assert.Equal(0.9, OutageInference.Confidence(0, 100, terminalLostVoltage: true));
    }

    [Fact]
    public void ADeviceOffTheNetwork_IsUnplaced()
    {
        var inference = OutageInference.Infer(Feeder, [new SignalPoint(9, 999_999, null, SignalKind.PowerOff)]);

        Assert.Equal([9L], inference.Unplaced);
    }

    private static IEnumerable<SignalPoint> Meters(params int[] customers) =>
        customers.Select(n => new SignalPoint(500 + n, 100 + n, 1000 + n, SignalKind.PowerOff));

    private static SignalPoint Call(int customer) => new(700 + customer, 200 + customer, 1000 + customer, SignalKind.RepairCall);

    private static NetworkTopology Build()
    {
        var nodes = new List<TopologyNode>
        {
            new(1, null, DeviceKind.Feeder, null, null, 1),
            new(2, 1, DeviceKind.Switch, true, null, 1),
            new(3, 2, DeviceKind.Transformer, null, null, 1),
            new(4, 2, DeviceKind.Transformer, null, null, 1),
            new(5, 1, DeviceKind.Transformer, null, null, 1),
        };
        for (var n = 0; n < 30; n++)
        {
            nodes.Add(new TopologyNode(100 + n, 3 + (n / 10), DeviceKind.Meter, null, null, 1));
            nodes.Add(new TopologyNode(200 + n, 100 + n, DeviceKind.ServicePoint, null, 1000 + n, 1));
        }

        return NetworkTopology.Build(nodes);
    }
}
