using GridCare.Analytics.ComplaintRisk;

namespace GridCare.Analytics.Tests.ComplaintRisk;

public class RiskFeatureBuilderTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CustomerFeatures_CountWindowsBeforeTheInstant_NeighboursApart_MeterFactsOnlyWhenPresent()
    {
        RiskCustomer[] customers = [new(1, 10, 100, "T100", 10, IsSensitive: true), new(2, 10, 100, "T100", 10, false), new(3, 10, 200, "T200", 10, false)];
        RiskInterruption[] interruptions =
        [
            new(1, Now.AddDays(-10), 60), new(1, Now.AddDays(-50), 30), new(1, Now.AddDays(-200), 120),
            new(1, Now.AddDays(-400), 500), // older than a year: in no window
            new(1, Now.AddDays(1), 999),    // after the instant: not yet known
            new(2, Now.AddDays(-5), 20),
        ];
        RiskComplaint[] complaints = [new(1, Now.AddDays(-20)), new(1, Now.AddDays(-100)), new(2, Now.AddDays(-30)), new(2, Now.AddDays(-300)), new(1, Now.AddDays(10))];
        RiskUnsatisfiedRevisit[] unsatisfied = [new(1, Now.AddDays(-15))];
        var history = new RiskHistory(customers, interruptions, complaints, unsatisfied);
        var builder = new RiskFeatureBuilder(history);
        var first = builder.Subjects(RiskLevel.Customer).Single(s => s.Id == 1);

        var f = Named(RiskFeature.Customer, builder.Features(first, Now));

        Assert.Equal(1, f["interruptions30"]);
        Assert.Equal(2, f["interruptions90"]);
        Assert.Equal(3, f["interruptions365"]);
        Assert.Equal(60, f["interruptionMinutes30"]);
        Assert.Equal(90, f["interruptionMinutes90"]);
        Assert.Equal(210, f["interruptionMinutes365"]);
        Assert.Equal(1, f["complaints90"]);
        Assert.Equal(2, f["complaints365"]);
        Assert.Equal(20, f["daysSinceComplaint"]);
        Assert.Equal(1, f["unsatisfiedRevisits365"]);
        Assert.Equal(1, f["transformerComplaints90"]);   // customer 2's, 30 days ago
        Assert.Equal(2, f["transformerComplaints365"]);
        Assert.Equal(1.5f, f["transformerInterruptions90"]); // 3 interruptions under T100 / 2 customers
        Assert.Equal(1, f["sensitive"]);
        Assert.True(float.IsNaN(f["voltageCompliance"]));
        Assert.True(float.IsNaN(f["transformerPeakLoad"]));

        var third = Named(RiskFeature.Customer, builder.Features(builder.Subjects(RiskLevel.Customer).Single(s => s.Id == 3), Now));
        Assert.True(float.IsNaN(third["daysSinceComplaint"]));
        Assert.Equal(0, third["interruptions365"]);

        Assert.True(builder.Complained(first, Now, TimeSpan.FromDays(30)));
        Assert.False(builder.Complained(first, Now.AddDays(10), TimeSpan.FromDays(30)));

        var meter = new RiskMeterFacts(Now, new Dictionary<long, double> { [1] = 0.92 }, new Dictionary<string, RiskTransformerLoad> { ["T100"] = new(1.2, 300, 0.9, 4) });
        var withMeter = new RiskFeatureBuilder(history with { Meter = meter });
        var now = Named(RiskFeature.Customer, withMeter.Features(first, Now));
        Assert.Equal(0.92f, now["voltageCompliance"]);
        Assert.Equal(1.2f, now["transformerPeakLoad"]);

        // A month earlier the meter facts do not describe the instant: absent again.
        Assert.True(float.IsNaN(Named(RiskFeature.Customer, withMeter.Features(first, Now.AddDays(-30)))["voltageCompliance"]));
    }

    [Fact]
    public void TransformerFeatures_AddUpTheirCustomers()
    {
        RiskCustomer[] customers = [new(1, 10, 100, "T100", 9, false), new(2, 10, 100, "T100", 9, false)];
        var history = new RiskHistory(customers, [new(1, Now.AddDays(-3), 40), new(2, Now.AddDays(-3), 40)], [new(1, Now.AddDays(-7)), new(2, Now.AddDays(-40))], []);
        var builder = new RiskFeatureBuilder(history);
        var transformer = Assert.Single(builder.Subjects(RiskLevel.Transformer));

        var f = Named(RiskFeature.Transformer, builder.Features(transformer, Now));

        Assert.Equal(9, transformer.OrgUnitId);
        Assert.Equal(2, f["customers"]);
        Assert.Equal(1, f["interruptions30"]);
        Assert.Equal(40, f["interruptionMinutes90"]);
        Assert.Equal(2, f["complaints90"]);
        Assert.Equal(7, f["daysSinceComplaint"]);
    }

    private static Dictionary<string, float> Named(IReadOnlyList<string> names, float[] values) =>
        names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => values[x.i]);
}
