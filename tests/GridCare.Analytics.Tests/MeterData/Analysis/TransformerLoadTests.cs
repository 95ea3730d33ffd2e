using GridCare.Analytics.MeterData;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

/// <summary>
/// Transformer load on hand-computed days. T1 (100 kVA, no terminal): two meters at 8 + 52 kW = 60 kW all day
/// (S = 60 / 0.9 = 66.7 kVA, 66.7 %), 75 kW (83.3 %) in slots 40–43 and 71–74, 96 kW (106.7 %) in slots 72–73.
/// T2 (200 kVA) has a terminal reporting 220 V on each phase and 100/100/60 A: S = 220 · 260 / 1000 = 57.2 kVA
/// (28.6 %), imbalance (100 − 60) / 100 = 40 %.
/// </summary>
public class TransformerLoadTests
{
    private static readonly int[] Heavy = [40, 41, 42, 43, 71, 74];
    private static readonly int[] Overload = [72, 73];

    [Fact]
    public async Task MeterSum_LoadRateEpisodesAndPeak_AreTheHandComputedOnes()
    {
        await using var temporary = await HandDayAsync();

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        var t1 = (await RowsAsync(temporary.Store, "SELECT * FROM transformer_days WHERE transformer_code = 'T1'")).Single();
        Assert.Equal(96 / 0.9 / 100, (double)t1["peak_load_rate"]!, 9);
        Assert.Equal(96 / 0.9, (double)t1["peak_kva"]!, 9);
        Assert.Equal(Slot(72), t1["peak_at"]);
        Assert.Equal((0, 96), ((int)t1["terminal_slots"]!, (int)t1["meter_slots"]!));
        Assert.Equal((120, 30), ((int)t1["heavy_minutes"]!, (int)t1["overload_minutes"]!));
        var average = ((88 * 60.0) + (6 * 75.0) + (2 * 96.0)) / 96 / 0.9 / 100;
        Assert.Equal(average, (double)t1["average_load_rate"]!, 9);
        Assert.Null(t1["max_imbalance"]);

        var episodes = await RowsAsync(temporary.Store, "SELECT level, start_at, end_at, minutes, peak_load_rate FROM load_episodes WHERE transformer_code = 'T1' ORDER BY level, start_at");
        Assert.Equal(3, episodes.Count);
        Assert.Equal(("heavy", Slot(40), Slot(44), 60), ((string)episodes[0]["level"]!, (DateTime)episodes[0]["start_at"]!, (DateTime)episodes[0]["end_at"]!, (int)episodes[0]["minutes"]!));
        Assert.Equal(75 / 0.9 / 100, (double)episodes[0]["peak_load_rate"]!, 9);
        Assert.Equal(("heavy", Slot(71), Slot(75), 60), ((string)episodes[1]["level"]!, (DateTime)episodes[1]["start_at"]!, (DateTime)episodes[1]["end_at"]!, (int)episodes[1]["minutes"]!));
        Assert.Equal(96 / 0.9 / 100, (double)episodes[1]["peak_load_rate"]!, 9);
        Assert.Equal(("overload", Slot(72), Slot(74), 30), ((string)episodes[2]["level"]!, (DateTime)episodes[2]["start_at"]!, (DateTime)episodes[2]["end_at"]!, (int)episodes[2]["minutes"]!));
    }

    [Fact]
    public async Task Terminal_GivesTheCurve_ApparentPowerFromVoltageTimesCurrent_AndImbalance()
    {
        await using var temporary = await HandDayAsync();

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        var t2 = (await RowsAsync(temporary.Store, "SELECT * FROM transformer_days WHERE transformer_code = 'T2'")).Single();
        Assert.Equal((95, 1), ((int)t2["terminal_slots"]!, (int)t2["meter_slots"]!));
        Assert.Equal(57.2, (double)t2["peak_kva"]!, 9);
        Assert.Equal(0.286, (double)t2["peak_load_rate"]!, 9);
        Assert.Equal(0.4, (double)t2["max_imbalance"]!, 9);
        Assert.Equal(95 * 15, (int)t2["imbalance_minutes"]!);
        Assert.Equal((0, 0), ((int)t2["heavy_minutes"]!, (int)t2["overload_minutes"]!));

        // Slot 0 has no terminal reading: the meter's 44 kW / 0.9 stand in.
        var slot0 = (await RowsAsync(temporary.Store, $"SELECT source, kva, meters_reporting, meters_expected FROM transformer_intervals WHERE transformer_code = 'T2' AND slot_start = '{Slot(0):yyyy-MM-dd HH:mm:ss}'")).Single();
        Assert.Equal("meters", slot0["source"]);
        Assert.Equal(44 / 0.9, (double)slot0["kva"]!, 9);
        Assert.Equal((1, 1), ((int)slot0["meters_reporting"]!, (int)slot0["meters_expected"]!));
    }

    [Fact]
    public async Task ThirtyMinuteReadings_CoverBothSlots_AndFlaggedReadingsAreLeftOut()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(temporary.Store, [Meter("M5", "T5"), Meter("M6", "T5")], [Transformer("T5", 50)], TestContext.Current.CancellationToken);
        var halfHours = Enumerable.Range(0, 48).Select(h => new TestReading("M5", Slot(2 * h), 9, Minutes: 30));
        var quarter = WholeDay("M6", _ => 3).Select(r => r.Start == Slot(10) ? r with { Kwh = 500, Quality = MeterQuality.Spike } : r);
        await WriteAsync(temporary.Store, "readings", [.. halfHours, .. quarter]);

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        // 9 kWh in 30 min = 18 kW in both slots, plus 12 kW: 30 kW / 0.9 / 50 kVA, except in slot 10, whose spike
        // is ignored (18 kW alone).
        var rates = await RowsAsync(temporary.Store, "SELECT min(load_rate) AS low, max(load_rate) AS high, count(*) AS slots, arg_min(slot_start, load_rate) AS low_at FROM transformer_intervals WHERE transformer_code = 'T5'");
        Assert.Equal(18 / 0.9 / 50, (double)rates[0]["low"]!, 9);
        Assert.Equal(Slot(10), rates[0]["low_at"]);
        Assert.Equal(30 / 0.9 / 50, (double)rates[0]["high"]!, 9);
        Assert.Equal(96L, rates[0]["slots"]);
        var slot10 = (await RowsAsync(temporary.Store, $"SELECT meters_reporting FROM transformer_intervals WHERE slot_start = '{Slot(10):yyyy-MM-dd HH:mm:ss}'")).Single();
        Assert.Equal(1, (int)slot10["meters_reporting"]!);
    }

    [Fact]
    public async Task FiveMinuteReadings_AddUpToTheirSlotsEnergy_ForMetersAndTerminals()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store, [Meter("M7", "T7"), Meter("M8", "T8")], [Transformer("T7", 50), Transformer("T8", 50)], TestContext.Current.CancellationToken);
        var fiveMinutes = Enumerable.Range(0, 288).Select(i => Slot(0).AddMinutes(5 * i)).ToList();
        await WriteAsync(temporary.Store, "readings", fiveMinutes.Select(t => new TestReading("M7", t, 0.1, Minutes: 5)));
        await WriteAsync(temporary.Store, "terminal_readings", fiveMinutes.Select(t => new TestReading("T8", t, 1, Minutes: 5)));

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        // Three readings a slot: 0.3 kWh in 15 min = 1.2 kW from one meter; the terminal's 3 kWh = 12 kW.
        var slots = await RowsAsync(temporary.Store, """
            SELECT transformer_code, source, count(*) AS slots, min(kw) AS low, max(kw) AS high, min(meters_reporting) AS reporting
            FROM transformer_intervals GROUP BY ALL ORDER BY transformer_code
            """);
        Assert.Equal(("T7", "meters", 96L, 1), ((string)slots[0]["transformer_code"]!, (string)slots[0]["source"]!, (long)slots[0]["slots"]!, (int)slots[0]["reporting"]!));
        Assert.Equal((1.2, 1.2), (Math.Round((double)slots[0]["low"]!, 9), Math.Round((double)slots[0]["high"]!, 9)));
        Assert.Equal(("T8", "terminal", 96L), ((string)slots[1]["transformer_code"]!, (string)slots[1]["source"]!, (long)slots[1]["slots"]!));
        Assert.Equal((12.0, 12.0), (Math.Round((double)slots[1]["low"]!, 9), Math.Round((double)slots[1]["high"]!, 9)));
    }

    [Fact]
    public async Task RunningTheDayAgain_ReplacesItsRows_AndEmptiesTheQueue()
    {
        await using var temporary = await HandDayAsync();
        await QueueAsync(temporary.Store, Day);
        var analysis = AnalysisData.Analysis(temporary.Store);

        Assert.Equal(Day, await analysis.NextQueuedDayAsync(TestContext.Current.CancellationToken));
        var first = await analysis.AnalyseDayAsync(Day, TestContext.Current.CancellationToken);
        var second = await analysis.AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        Assert.Null(await analysis.NextQueuedDayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((3L, 2L, 3L), (first.MeterDays, first.TransformerDays, first.Episodes));
        Assert.Equal((first.MeterDays, first.TransformerDays, first.Episodes, first.Anomalies), (second.MeterDays, second.TransformerDays, second.Episodes, second.Anomalies));
        Assert.Equal(2 * 96, await temporary.ScalarAsync("SELECT count(*) FROM transformer_intervals"));
    }

    private static async Task<TemporaryMeterStore> HandDayAsync()
    {
        var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("M1", "T1"), Meter("M2", "T1", phases: 3), Meter("M3", "T2")],
            [Transformer("T1", 100), Transformer("T2", 200)],
            TestContext.Current.CancellationToken);
        await WriteAsync(temporary.Store, "readings", [
            .. WholeDay("M1", _ => 2),
            .. WholeDay("M2", s => Overload.Contains(s) ? 22 : Heavy.Contains(s) ? 16.75 : 13),
            .. WholeDay("M3", _ => 11),
        ]);
        await WriteAsync(temporary.Store, "terminal_readings", WholeDay("T2", _ => 12.5, shape: (_, r) => r with { Va = 220, Vb = 220, Vc = 220, Ia = 100, Ib = 100, Ic = 60 }).Skip(1));
        return temporary;
    }
}
