using GridCare.Analytics.MeterData;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

/// <summary>
/// GB/T 12325 limits on a hand-built day: single-phase 198–235.4 V (220 V −10 %/+7 %), three-phase per phase
/// 204.6–235.4 V (±7 %). V1 (single) is low (190 V) for 2 h, high (240 V) for 30 min and without supply (0 V) for
/// 15 min; V2 (three-phase) has phase B at 200 V for 1 h — within the single-phase limit, outside the three-phase
/// one; V3 (single) sits at 200 V all day, within; V4 reports no voltage.
/// </summary>
public class VoltageQualityTests
{
    [Fact]
    public async Task ComplianceCountsSuppliedTimeOnly_WithEachMetersOwnLimits()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("M1", "TV"), Meter("M2", "TV", phases: 3), Meter("M3", "TV"), Meter("M4", "TV")],
            [Transformer("TV", 100)],
            TestContext.Current.CancellationToken);
        await WriteAsync(temporary.Store, "readings", [
            .. WholeDay("M1", _ => 1, shape: (s, r) => r with { Va = s < 8 ? 190 : s < 10 ? 240 : s == 10 ? 0 : 220 }),
            .. WholeDay("M2", _ => 1, shape: (s, r) => r with { Va = 220, Vb = s < 4 ? 200 : 220, Vc = 221 }),
            .. WholeDay("M3", _ => 1, shape: (_, r) => r with { Va = 200 }),
            .. WholeDay("M4", _ => 1),
        ]);

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        var meters = (await RowsAsync(temporary.Store, "SELECT * FROM meter_analysis_days ORDER BY meter_no")).ToDictionary(r => (string)r["meter_no"]!);
        Assert.Equal((1425, 1275, 120, 30, 15), Minutes(meters["M1"]));
        Assert.Equal((190.0, 240.0), ((double)meters["M1"]["voltage_min"]!, (double)meters["M1"]["voltage_max"]!));
        Assert.Equal((1440, 1380, 60, 0, 0), Minutes(meters["M2"]));
        Assert.Equal((1440, 1440, 0, 0, 0), Minutes(meters["M3"]));
        Assert.Null(meters["M3"]["voltage_min"]);
        Assert.Equal((0, 0, 0, 0, 0), Minutes(meters["M4"]));

        var area = (await RowsAsync(temporary.Store, "SELECT * FROM transformer_days")).Single();
        Assert.Equal(4095.0 / 4305, (double)area["voltage_compliance"]!, 12);
        Assert.Equal((2, 0, "low"), ((int)area["low_voltage_meters"]!, (int)area["high_voltage_meters"]!, (string)area["voltage_pocket"]!));
    }

    [Fact]
    public async Task OneMeterLowAmongMany_IsNoPocket()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        var meters = Enumerable.Range(1, 6).Select(i => Meter($"M{i}", "TP")).ToList();
        await MeterDirectoryWriter.ReplaceAsync(temporary.Store, meters, [Transformer("TP", 100)], TestContext.Current.CancellationToken);
        await WriteAsync(temporary.Store, "readings", meters.SelectMany(m => WholeDay(m.MeterNo, _ => 1, shape: (_, r) => r with { Va = m.MeterNo == "M1" ? 190 : 225 })));

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        // 1 of 6 meters (17 %) is below the 20 % share that makes a pocket.
        var area = (await RowsAsync(temporary.Store, "SELECT * FROM transformer_days")).Single();
        Assert.Equal(1, (int)area["low_voltage_meters"]!);
        Assert.Null(area["voltage_pocket"]);
        Assert.Equal(5.0 / 6, (double)area["voltage_compliance"]!, 12);
    }

    private static (int Voltage, int Within, int Low, int High, int Zero) Minutes(Dictionary<string, object?> row) =>
        ((int)row["voltage_minutes"]!, (int)row["within_minutes"]!, (int)row["low_minutes"]!, (int)row["high_minutes"]!, (int)row["zero_voltage_minutes"]!);
}
