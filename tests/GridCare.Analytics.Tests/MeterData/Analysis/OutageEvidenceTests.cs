using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

public class OutageEvidenceTests
{
    private static readonly string[] Meters = ["M1", "M2", "M3", "M4", "M5"];

    private static readonly string[] Reporting = ["M1", "M2", "M3"];

    [Fact]
    public async Task MissingMeters_ZeroVoltage_AndADeadTerminal_AreEvidence()
    {
        // Four meters of TO report 220 V in slots 0–7, except: M1 and M2 send nothing in slots 4–5 and M3 reads 0 V
        // there (3 of 4 meters out); the terminal reads 0 V in slot 6. TQ, a quiet neighbour, reports throughout.
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("M1", "TO"), Meter("M2", "TO"), Meter("M3", "TO"), Meter("M4", "TO"), Meter("M5", "TQ")],
            [Transformer("TO", 100), Transformer("TQ", 100)],
            TestContext.Current.CancellationToken);
        var slots = Enumerable.Range(0, 8).ToList();
        await WriteAsync(temporary.Store, "readings", [
            .. Meters.SelectMany(m => slots
                .Where(s => !(m is "M1" or "M2" && s is 4 or 5))
                .Select(s => new TestReading(m, Slot(s), 1, Va: m == "M3" && s is 4 or 5 ? 0 : 220))),
        ]);
        await WriteAsync(temporary.Store, "terminal_readings", slots.Select(s => new TestReading("TO", Slot(s), 4, Va: s == 6 ? 0 : 220, Vb: s == 6 ? 0 : 220, Vc: s == 6 ? 0 : 220)));
        var evidence = new OutageEvidence(temporary.Store, new MeterAnalysisSettings());

        var found = await evidence.FindAsync(Slot(0), Slot(8), 0.5, null, TestContext.Current.CancellationToken);
        var onlyQuiet = await evidence.FindAsync(Slot(0), Slot(8), 0.5, ["TQ"], TestContext.Current.CancellationToken);

        Assert.Equal([(Slot(4), 2, 1), (Slot(5), 2, 1), (Slot(6), 0, 0)], found.Select(f => (f.SlotStart, f.MetersMissing, f.MetersZeroVoltage)));
        Assert.All(found, f => Assert.Equal("TO", f.TransformerCode));
        Assert.Equal(0.0, found[2].TerminalVoltageMax);
        Assert.Empty(onlyQuiet);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => evidence.FindAsync(Slot(0), Slot(0).AddDays(2), 0.5, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MetersNeverRead_AndSlotsNotCollectedYet_AreNoEvidence()
    {
        // TO's meters M1–M3 report slots 0–5; M4 was never read (no collection terminal). TQ's M5 reports up to slot 3
        // only, while the others go on: it is missing in slots 4–5. Nobody reported slots 6–7 yet.
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("M1", "TO"), Meter("M2", "TO"), Meter("M3", "TO"), Meter("M4", "TO"), Meter("M5", "TQ")],
            [Transformer("TO", 100), Transformer("TQ", 100)],
            TestContext.Current.CancellationToken);
        await WriteAsync(temporary.Store, "readings", [
            .. Reporting.SelectMany(m => Enumerable.Range(0, 6).Select(s => new TestReading(m, Slot(s), 1, Va: 220))),
            .. Enumerable.Range(0, 4).Select(s => new TestReading("M5", Slot(s), 1, Va: 220)),
        ]);
        var evidence = new OutageEvidence(temporary.Store, new MeterAnalysisSettings());

        var found = await evidence.FindAsync(Slot(0), Slot(8), 0.5, null, TestContext.Current.CancellationToken);
        var latest = await evidence.LatestSlotAsync(Slot(0), Slot(8), TestContext.Current.CancellationToken);

        Assert.Equal([("TQ", Slot(4)), ("TQ", Slot(5))], found.Select(f => (f.TransformerCode, f.SlotStart)));
        Assert.All(found, f => Assert.Equal(1, f.MetersExpected));
        Assert.Equal(Slot(5), latest);
    }
}
