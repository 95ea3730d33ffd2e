using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Events;
using GridCare.Analytics.MeterData.Import;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Analytics.Tests.MeterData.Events;

/// <summary>Event files into the store's meter_events: detection by header, validation by line, batches all or nothing and once only.</summary>
public class MeterEventImportTests
{
    /// <summary>2026-11-02 12:00 China time.</summary>
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_file_is_detected_by_its_header_and_stored_with_its_batch()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var file = temporary.File("events.csv", """
            meter_no,occurred_at,event
            M1,2026-11-01T08:00:00+08:00,powerOff
            M1,2026-11-01T08:40:00+08:00,power_on
            M2,2026-11-01T09:00:00+08:00,COVER-OPEN
            M9,2026-11-01T09:00:00Z,reverseFlow
            M1,2026-11-01T08:00:00+08:00,powerOff
            """);
        var readings = temporary.File("readings.csv", "meter_no,interval_start,kwh\nM1,2026-11-01T00:00:00+08:00,0.25");

        var result = await Import(temporary, file);

        Assert.True(MeterEventFile.IsEventFile(file));
        Assert.False(MeterEventFile.IsEventFile(readings));
        Assert.False(result.AlreadyImported);
        Assert.Equal((4L, 1L, 0L, 1L), (result.Stored, result.DuplicatesInBatch, result.AlreadyStored, result.UnknownDevices));
        Assert.Equal(new Dictionary<string, long> { ["coverOpen"] = 1, ["powerOff"] = 1, ["powerOn"] = 1, ["reverseFlow"] = 1 }, result.Kinds);
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM meter_events WHERE device_code = 'M1' AND kind = 'powerOff' AND occurred_at = TIMESTAMP '2026-11-01 00:00:00'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM meter_events WHERE device_code = 'M9' AND occurred_at = TIMESTAMP '2026-11-01 09:00:00'"));
        Assert.Equal(4, await temporary.ScalarAsync($"SELECT row_count FROM import_batches WHERE batch_no = {result.BatchNo} AND source = 'events.csv'"));
    }

    [Fact]
    public async Task Terminal_events_are_keyed_by_transformer_and_times_without_offset_take_the_given_one()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var file = temporary.File("ttu.csv", """
            transformer_code,occurred_at,event
            T1,2026-11-01 08:00:00,voltageLoss
            T1,2026-11-01 08:30:00,voltageRestored
            """);

        var result = await new MeterEventImporter(temporary.Store, Clock).ImportAsync(MeterEventFile.Read(file, TimeSpan.FromHours(8), Clock.GetUtcNow().UtcDateTime), Cancel);

        Assert.Equal((2L, 0L), (result.Stored, result.UnknownDevices));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM meter_events WHERE device_code = 'T1' AND kind = 'voltageLoss' AND occurred_at = TIMESTAMP '2026-11-01 00:00:00'"));
    }

    [Fact]
    public async Task Bad_lines_are_named_and_nothing_of_the_file_is_stored()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var file = temporary.File("bad.csv", """
            meter_no,occurred_at,event
            M1,2026-11-01T08:00:00+08:00,powerOff
            M1,2026-11-01T08:10:00+08:00,meltdown
            M2,2026-11-01 08:20:00,coverOpen
            ,2026-11-01T08:30:00+08:00,coverOpen
            M2,2027-01-01T00:00:00+08:00,clockError
            """);
        var noDevice = temporary.File("header.csv", "occurred_at,event\n2026-11-01T08:00:00+08:00,powerOff");

        var rejected = await Assert.ThrowsAsync<ReadingImportException>(() => Import(temporary, file));
        var header = await Assert.ThrowsAsync<ReadingImportException>(() => Import(temporary, noDevice));

        Assert.Equal(
            [(3L, "event"), (4L, "occurred_at"), (5L, "meter_no"), (6L, "occurred_at")],
            rejected.Errors.Select(e => (e.Line!.Value, e.Field)));
        Assert.Contains("meltdown", rejected.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no UTC offset", rejected.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal(4, rejected.TotalErrors);
        Assert.Equal((1L, "meter_no or device or transformer_code"), (header.Errors[0].Line!.Value, header.Errors[0].Field));
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM meter_events"));
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM import_batches"));
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_twice_and_an_overlapping_file_only_its_new_events()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var first = temporary.File("a.csv", """
            meter_no,occurred_at,event
            M1,2026-11-01T08:00:00+08:00,powerOff
            M1,2026-11-01T08:40:00+08:00,powerOn
            """);
        var overlapping = temporary.File("b.csv", """
            device,occurred_at,event
            M1,2026-11-01T08:40:00+08:00,powerOn
            M2,2026-11-01T10:00:00+08:00,magneticInterference
            """);

        var once = await Import(temporary, first);
        var twice = await Import(temporary, first);
        var next = await Import(temporary, overlapping);

        Assert.True(twice.AlreadyImported);
        Assert.Equal((once.BatchNo, 2L), (twice.BatchNo, twice.Stored));
        Assert.Equal((1L, 1L), (next.Stored, next.AlreadyStored));
        Assert.Equal(3, await temporary.ScalarAsync("SELECT count(*) FROM meter_events"));
        Assert.Equal(2, await temporary.ScalarAsync("SELECT count(*) FROM import_batches"));
    }

    [Fact]
    public async Task The_reader_lists_a_devices_events_in_the_range_newest_first()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        await Import(temporary, temporary.File("a.csv", """
            meter_no,occurred_at,event
            M1,2026-11-01T08:00:00+08:00,powerOff
            M1,2026-11-01T08:40:00+08:00,powerOn
            M1,2026-10-20T08:40:00+08:00,coverOpen
            M2,2026-11-01T08:40:00+08:00,coverOpen
            """));

        var events = await new MeterEventReader(temporary.Store).ForDevicesAsync(
            ["M1"], new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc), 100, Cancel);

        Assert.Equal(["powerOn", "powerOff"], events.Select(e => e.Kind));
        Assert.Equal(new DateTime(2026, 11, 1, 0, 40, 0, DateTimeKind.Utc), events[0].OccurredAtUtc);
    }

    private static Task<MeterEventImportResult> Import(TemporaryMeterStore temporary, string path) =>
        new MeterEventImporter(temporary.Store, Clock).ImportAsync(MeterEventFile.Read(path, null, Clock.GetUtcNow().UtcDateTime), Cancel);

    private static async Task<TemporaryMeterStore> StoreWithDirectoryAsync()
    {
        var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [
                new MeterDirectoryEntry("M1", 1, "A1", "residential", 8, false, 1, "T1", "F1", "S1", 7),
                new MeterDirectoryEntry("M2", 2, "A2", "residential", 8, false, 1, "T1", "F1", "S1", 7),
            ],
            [new TransformerDirectoryEntry("T1", "1号公变", 400, "F1", "S1", 7, "urban")],
            Cancel);
        return temporary;
    }
}
