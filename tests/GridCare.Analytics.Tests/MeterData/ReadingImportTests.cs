using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Import;
using GridCare.Analytics.Tests.MeterData.Analysis;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Analytics.Tests.MeterData;

/// <summary>The validation and bookkeeping of one batch, on files small enough to check by hand.</summary>
public class ReadingImportTests
{
    /// <summary>2026-11-02 12:00 China time; readings of 2026-11-01 are in the past.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_long_file_is_stored_with_flags_days_queue_and_batch()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var file = temporary.File("a.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:15:00+08:00,0.30
            M2,2026-11-01T00:00:00+08:00,-0.10
            M3,2026-11-01T00:00:00+08:00,-0.20
            M1,2026-11-01T00:30:00+08:00,
            """);

        var result = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(file), Cancel);

        Assert.False(result.AlreadyImported);
        Assert.Equal(4, result.Stored);
        Assert.Equal(3, result.Quality[MeterQuality.Valid]);
        Assert.Equal(1, result.Quality[MeterQuality.Negative]);
        Assert.Equal(new DateOnly(2026, 11, 1), result.FirstDay);
        Assert.Equal(1, result.UnknownDevices);
        Assert.Equal(4, await temporary.ScalarAsync("SELECT count(*) FROM readings"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE meter_no = 'M3' AND quality = 'negative'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE meter_no = 'M2' AND quality = 'valid'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE meter_no = 'M1' AND interval_start = TIMESTAMP '2026-10-31 16:15:00'"));
        Assert.Equal(3, await temporary.ScalarAsync("SELECT slots_lo::BIGINT FROM meter_days WHERE meter_no = 'M1' AND day = DATE '2026-11-01'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM analysis_queue WHERE day = DATE '2026-11-01'"));
        Assert.Equal(4, await temporary.ScalarAsync("SELECT row_count FROM import_batches"));
        Assert.Equal(3, result.IncompleteDays);
        Assert.Equal((96 - 2) + (96 - 1) + (96 - 1), result.MissingIntervals);
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_twice_and_an_overlapping_file_only_its_new_readings()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var first = temporary.File("a.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:15:00+08:00,0.30
            """);
        var importer = Importer(temporary);
        var once = await importer.ImportAsync(ReadingImportRequest.FromFile(first), Cancel);
        var twice = await importer.ImportAsync(ReadingImportRequest.FromFile(first), Cancel);

        Assert.True(twice.AlreadyImported);
        Assert.Equal(once.BatchNo, twice.BatchNo);
        Assert.Equal(2, await temporary.ScalarAsync("SELECT count(*) FROM readings"));

        var overlapping = temporary.File("b.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:15:00+08:00,0.31
            M1,2026-11-01T00:30:00+08:00,0.20
            """);
        var next = await importer.ImportAsync(ReadingImportRequest.FromFile(overlapping), Cancel);

        Assert.Equal(1, next.Stored);
        Assert.Equal(1, next.AlreadyStored);
        Assert.Equal(1, next.Conflicts);
        Assert.Equal(3, await temporary.ScalarAsync("SELECT count(*) FROM readings"));
        Assert.Equal(300, await temporary.ScalarAsync("SELECT (kwh * 1000)::BIGINT FROM readings WHERE interval_start = TIMESTAMP '2026-10-31 16:15:00'"));
    }

    [Fact]
    public async Task Exact_copies_collapse_and_conflicting_duplicates_reject_the_batch_naming_both_lines()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var copies = temporary.File("copies.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:00:00+08:00,0.25
            """);
        var collapsed = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(copies), Cancel);
        Assert.Equal(1, collapsed.Stored);
        Assert.Equal(1, collapsed.DuplicatesInBatch);

        var conflicting = temporary.File("conflict.csv", """
            meter_no,interval_start,kwh
            M2,2026-11-01T00:00:00+08:00,0.25
            M2,2026-11-01T00:15:00+08:00,0.30
            M2,2026-11-01T00:00:00+08:00,0.40
            """);
        var rejected = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(conflicting), Cancel));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("lines 4", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE meter_no = 'M2'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM import_batches"));
    }

    [Fact]
    public async Task Clock_errors_and_unreadable_values_reject_the_batch_by_line()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var clock = temporary.File("clock.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:07:00+08:00,0.25
            M1,2026-11-03T00:00:00+08:00,0.25
            ,2026-11-01T00:00:00+08:00,0.25
            """);
        var rejected = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(clock), Cancel));
        Assert.Equal(3, rejected.TotalErrors);
        Assert.Equal([3L, 4L, 5L], rejected.Errors.Select(e => e.Line!.Value));
        Assert.Contains("grid", rejected.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not ended", rejected.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal("meter_no", rejected.Errors[2].Field);

        var garbled = temporary.File("garbled.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:15:00+08:00,abc
            """);
        var unreadable = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(garbled), Cancel));
        var error = Assert.Single(unreadable.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("kwh", error.Field);

        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM readings"));
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM meter_days"));
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM analysis_queue"));
    }

    [Fact]
    public async Task Spikes_are_judged_against_the_meters_own_history_and_capacity_bounds_plausibility()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var history = string.Join('\n', Enumerable.Range(0, 96).Select(i => $"M1,{Start(new DateOnly(2026, 10, 31), i)},0.25"));
        await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(temporary.File("history.csv", "meter_no,interval_start,kwh\n" + history)), Cancel);

        // M1 averages 1 kW: 8 × 1 kW = 8 kW is the spike line (above the 3 kW floor); M1's 8 kVA × 2 = 16 kW is implausible.
        var file = temporary.File("day.csv", $"""
            meter_no,interval_start,kwh
            M1,{Start(new DateOnly(2026, 11, 1), 0)},1.9
            M1,{Start(new DateOnly(2026, 11, 1), 1)},2.5
            M1,{Start(new DateOnly(2026, 11, 1), 2)},4.5
            M2,{Start(new DateOnly(2026, 11, 1), 0)},2.5
            """);
        var result = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(file), Cancel);

        Assert.Equal(2, result.Quality[MeterQuality.Valid]);
        Assert.Equal(1, result.Quality[MeterQuality.Spike]);
        Assert.Equal(1, result.Quality[MeterQuality.Implausible]);
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE kwh = 2.5 AND meter_no = 'M1' AND quality = 'spike'"));
    }

    [Fact]
    public async Task A_wide_file_places_each_column_at_its_china_time()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var values = string.Join(',', Enumerable.Range(0, 48).Select(i => (i / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        var header = "meter_no,date," + string.Join(',', Enumerable.Range(1, 48).Select(i => $"v{i}"));
        var file = temporary.File("wide.csv", $"{header}\nM1,2026-11-01,{values}\n");

        var result = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(file), Cancel);

        Assert.Equal(48, result.Stored);
        Assert.Equal(30, await temporary.ScalarAsync("SELECT min(interval_minutes) FROM readings"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE interval_start = TIMESTAMP '2026-10-31 16:00:00' AND kwh = 0"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE interval_start = TIMESTAMP '2026-11-01 15:30:00' AND kwh = 0.47"));
        Assert.Equal(0, result.MissingIntervals);
    }

    [Fact]
    public async Task Parquet_and_phase_columns_import_and_an_impossible_voltage_is_rejected()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var csv = temporary.File("phases.csv", """
            meter_no,interval_start,kwh,voltage_a,current_a
            M2,2026-11-01T00:00:00+08:00,0.5,221.5,2.1
            M2,2026-11-01T00:15:00+08:00,0.6,219.0,2.4
            """);
        var parquet = Path.Combine(temporary.Folder, "phases.parquet");
        await temporary.ScalarAsync($"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet); SELECT 0");
        File.Delete(csv);

        var result = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(parquet), Cancel);

        Assert.Equal(2, result.Stored);
        Assert.Equal(2, result.PhaseRows);
        Assert.Equal(219, await temporary.ScalarAsync("SELECT voltage_a::BIGINT FROM phase_readings WHERE interval_start = TIMESTAMP '2026-10-31 16:15:00'"));

        var bad = temporary.File("bad-voltage.csv", """
            meter_no,interval_start,kwh,voltage_a,current_a
            M1,2026-11-01T00:00:00+08:00,0.5,912,2.1
            """);
        var rejected = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(bad), Cancel));
        Assert.Equal(2, Assert.Single(rejected.Errors).Line);
        Assert.Equal("voltage_a", rejected.Errors[0].Field);
    }

    [Fact]
    public async Task Terminal_rows_from_the_api_keep_their_voltages_and_name_their_position_on_error()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var rows = new[]
        {
            new ReadingRow(0, "T1", start, 15, 40, VoltageA: 230, VoltageB: 231, VoltageC: 229),
            new ReadingRow(1, "T1", start.AddMinutes(15), 15, 42, VoltageA: 228),
        };
        var result = await Importer(temporary).ImportAsync(new ReadingImportRequest { Target = ReadingTarget.Terminals, Rows = rows, Source = "api" }, Cancel);

        Assert.Equal(2, result.Stored);
        Assert.Equal(229, await temporary.ScalarAsync("SELECT voltage_c::BIGINT FROM terminal_readings WHERE interval_start = TIMESTAMP '2026-10-31 16:00:00'"));
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM terminal_days"));

        var late = new[] { new ReadingRow(0, "T1", start.AddMinutes(30), 15, 1), new ReadingRow(1, "T1", start.AddMinutes(37), 15, 1) };
        var rejected = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(new ReadingImportRequest { Target = ReadingTarget.Terminals, Rows = late }, Cancel));
        Assert.Equal(1, Assert.Single(rejected.Errors).Line);
    }

    private static string Start(DateOnly day, int slot) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddMinutes(15 * slot).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Hourly_readings_are_checked_against_the_hour_grid()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var hourly = temporary.File("h.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,1.5
            M1,2026-11-01T01:00:00+08:00,1.2
            """);

        var result = await Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(hourly) with { IntervalMinutes = 60 }, Cancel);

        Assert.Equal(2, result.Stored);
        Assert.Equal(120, await temporary.ScalarAsync("SELECT valid_minutes FROM meter_days"));
        var offGrid = temporary.File("g.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T02:30:00+08:00,1.5
            """);
        var error = await Assert.ThrowsAsync<ReadingImportException>(() => Importer(temporary).ImportAsync(ReadingImportRequest.FromFile(offGrid) with { IntervalMinutes = 60 }, Cancel));
        Assert.Equal(2, Assert.Single(error.Errors).Line);
    }

    [Fact]
    public async Task The_day_index_sums_each_batchs_valid_readings_and_a_rebuild_from_the_readings_gives_the_same_rows()
    {
        await using var temporary = await StoreWithDirectoryAsync();
        var importer = Importer(temporary);
        await importer.ImportAsync(ReadingImportRequest.FromFile(temporary.File("a.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:00:00+08:00,0.25
            M1,2026-11-01T00:15:00+08:00,0.30
            M2,2026-11-01T00:00:00+08:00,-0.10
            M2,2026-11-01T00:15:00+08:00,0.50
            M3,2026-11-01T00:00:00+08:00,-0.20
            """)), Cancel);
        await importer.ImportAsync(ReadingImportRequest.FromFile(temporary.File("b.csv", """
            meter_no,interval_start,kwh
            M1,2026-11-01T00:30:00+08:00,0.20
            """)), Cancel);
        const string Days = """
            SELECT meter_no, day, batch_no, slots_lo, slots_hi, readings, round(kwh, 6) AS kwh, hours, round(valid_import_kwh, 6) AS import,
                   round(valid_export_kwh, 6) AS export, valid_peak_kw AS peak, valid_minutes AS minutes
            FROM meter_days ORDER BY meter_no, batch_no
            """;
        var imported = await AnalysisData.RowsAsync(temporary.Store, Days);

        // M1: two batches (0.55 kWh over 30 min peaking at 1.2 kW, then 0.2 kWh); M2 has generation, so its export
        // is valid; M3 (not in the directory, no generation on record) is flagged negative and sums nothing.
        Assert.Equal(
            ["M1 1 0.55 0 1.2 30", "M1 2 0.2 0 0.8 15", "M2 1 0.5 0.1 2 30", "M3 1 0 0 - 0"],
            imported.Select(r => FormattableString.Invariant($"{r["meter_no"]} {r["batch_no"]} {r["import"]} {r["export"]} {r["peak"] ?? "-"} {r["minutes"]}")));

        await temporary.Store.RebuildDayIndexAsync(Cancel);

        Assert.Equal(imported, await AnalysisData.RowsAsync(temporary.Store, Days));
    }

    private static ReadingImporter Importer(TemporaryMeterStore temporary) => new(temporary.Store, new VeeSettings(), new FakeTimeProvider(Now));

    private static async Task<TemporaryMeterStore> StoreWithDirectoryAsync()
    {
        var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [
                new MeterDirectoryEntry("M1", 1, "A1", "residential", 8, false, 1, "T1", "F1", "S1", 7),
                new MeterDirectoryEntry("M2", 2, "A2", "residential", 8, true, 1, "T1", "F1", "S1", 7),
            ],
            [new TransformerDirectoryEntry("T1", "1号公变", 400, "F1", "S1", 7, "urban")],
            Cancel);
        return temporary;
    }
}
