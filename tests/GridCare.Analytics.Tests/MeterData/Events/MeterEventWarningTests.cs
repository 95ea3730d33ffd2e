using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.MeterData.Events;
using GridCare.Analytics.MeterData.Warnings;
using GridCare.Domain.Warnings;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Analytics.Tests.MeterData.Events;

/// <summary>Tampering and reverse-flow events as evidence of the suspected meter fault or theft warning.</summary>
public class MeterEventWarningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cover_open_and_reverse_flow_without_generation_raise_a_meter_inspection_but_not_a_pv_export()
    {
        // M1 (no PV) had its cover opened twice and ran backwards on 2026-11-01; M2 has PV on record and exports; M3's
        // cover was opened the day before. The import queues the day so the warnings are evaluated.
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [
                new MeterDirectoryEntry("M1", 1, "A1", "residential", 8, false, 1, "T1", "F1", "S1", 7),
                new MeterDirectoryEntry("M2", 2, "A2", "residential", 8, true, 1, "T1", "F1", "S1", 7),
                new MeterDirectoryEntry("M3", 3, "A3", "residential", 8, false, 1, "T1", "F1", "S1", 7),
            ],
            [new TransformerDirectoryEntry("T1", "1号公变", 400, "F1", "S1", 7, "urban")],
            Cancel);
        var file = temporary.File("events.csv", """
            meter_no,occurred_at,event
            M1,2026-11-01T02:00:00+08:00,coverOpen
            M1,2026-11-01T23:50:00+08:00,coverOpen
            M1,2026-11-01T12:00:00+08:00,reverseFlow
            M1,2026-11-01T12:00:00+08:00,powerOff
            M2,2026-11-01T12:00:00+08:00,reverseFlow
            M3,2026-10-31T23:59:00+08:00,coverOpen
            """);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));
        await new MeterEventImporter(temporary.Store, clock).ImportAsync(MeterEventFile.Read(file, null, clock.GetUtcNow().UtcDateTime), Cancel);

        var findings = await new WarningFinder(temporary.Store, new TransformerLoadReader(temporary.Store)).FindAsync(new DateOnly(2026, 11, 1), new WarningThresholds(), Cancel);

        var finding = Assert.Single(findings);
        Assert.Equal((WarningRule.MeterAnomaly, WarningAction.MeterInspection, "M1"), (finding.Rule, finding.Action, finding.SubjectCode));
        Assert.Equal(["coverOpen", "reverseFlow"], (IEnumerable<string>)finding.Evidence["kinds"]!);
        Assert.Equal(2.0, finding.Evidence["coverOpen"]);
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM analysis_queue WHERE day = DATE '2026-11-01'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM analysis_queue WHERE day = DATE '2026-10-31'"));
    }
}
