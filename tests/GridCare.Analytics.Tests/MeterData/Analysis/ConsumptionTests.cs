using GridCare.Analytics.MeterData;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

/// <summary>
/// Customer consumption and its abnormal patterns on hand-built days. C1 used 192 kWh a day for a week, then 9.6 kWh
/// (5 % of its baseline: a sudden drop). C2 recorded zero for 10 hours while the voltage was there (a long zero run).
/// C3 has no PV on record and ran backwards for an hour (readings the ingest flags 'negative': reverse flow). C4 has
/// PV and exports at noon (no anomaly).
/// </summary>
public class ConsumptionTests
{
    [Fact]
    public async Task EnergyPeakAndLoadFactor_AndTheThreeAnomalies()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("C1", "T1"), Meter("C2", "T1"), Meter("C3", "T1"), Meter("C4", "T1", generation: true)],
            [Transformer("T1", 400)],
            TestContext.Current.CancellationToken);
        var week = Enumerable.Range(1, 7).Select(i => Day.AddDays(-i)).ToList();
        await WriteAsync(temporary.Store, "readings", [
            .. week.SelectMany(d => WholeDay("C1", _ => 2, d)),
            .. WholeDay("C1", _ => 0.1),
            .. WholeDay("C2", s => s < 40 ? 0 : 1, shape: (_, r) => r with { Va = 220 }),
            .. WholeDay("C3", s => s < 4 ? -0.5 : 1).Select(r => r.Kwh < 0 ? r with { Quality = MeterQuality.Negative } : r),
            .. WholeDay("C4", s => s is >= 46 and < 50 ? -0.5 : 1),
        ]);
        var analysis = AnalysisData.Analysis(temporary.Store);
        foreach (var day in week.Order())
        {
            await analysis.AnalyseDayAsync(day, TestContext.Current.CancellationToken);
        }

        var result = await analysis.AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        var meters = (await RowsAsync(temporary.Store, $"SELECT * FROM meter_analysis_days WHERE day = DATE '{Day:yyyy-MM-dd}'")).ToDictionary(r => (string)r["meter_no"]!);
        Assert.Equal(9.6, (double)meters["C1"]["import_kwh"]!, 9);
        Assert.Equal(56.0, (double)meters["C2"]["import_kwh"]!, 9);
        Assert.Equal(4.0, (double)meters["C2"]["peak_kw"]!, 9);
        Assert.Equal(56.0 / 24 / 4, (double)meters["C2"]["load_factor"]!, 9);
        Assert.Equal(600, (int)meters["C2"]["longest_zero_minutes"]!);
        Assert.Equal((92.0, 2.0), ((double)meters["C3"]["import_kwh"]!, (double)meters["C3"]["export_kwh"]!));
        Assert.Equal((92.0, 2.0), ((double)meters["C4"]["import_kwh"]!, (double)meters["C4"]["export_kwh"]!));

        var anomalies = await RowsAsync(temporary.Store, $"SELECT meter_no, kind, value, baseline FROM meter_anomalies WHERE day = DATE '{Day:yyyy-MM-dd}' ORDER BY meter_no");
        Assert.Equal([("C1", "suddenDrop"), ("C2", "longZero"), ("C3", "reverseFlow")], anomalies.Select(a => ((string)a["meter_no"]!, (string)a["kind"]!)));
        Assert.Equal(0.05, (double)anomalies[0]["value"]!, 9);
        Assert.Equal(192.0, (double)anomalies[0]["baseline"]!, 9);
        Assert.Equal(600.0, (double)anomalies[1]["value"]!);
        Assert.Equal(2.0, (double)anomalies[2]["value"]!, 9);
        Assert.Equal(3, result.Anomalies);
    }
}
