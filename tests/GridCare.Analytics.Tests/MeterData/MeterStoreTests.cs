using GridCare.Analytics.MeterData;

namespace GridCare.Analytics.Tests.MeterData;

public class MeterStoreTests
{
    [Fact]
    public async Task A_version_one_file_is_upgraded_to_plain_utc_timestamps()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await using (var connection = await temporary.Store.OpenAsync(TestContext.Current.CancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                DROP TABLE readings; DROP TABLE meter_events; DROP TABLE import_batches; DROP TABLE schema_version;
                CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL);
                CREATE TABLE readings (meter_no VARCHAR NOT NULL, interval_start TIMESTAMPTZ NOT NULL, kwh DOUBLE);
                CREATE TABLE meter_events (meter_no VARCHAR NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, kind VARCHAR NOT NULL);
                INSERT INTO schema_version VALUES (1, now());
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await temporary.Store.InitializeAsync(TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(3, await temporary.ScalarAsync("SELECT max(version) FROM schema_version"));
        Assert.Equal(1, await temporary.ScalarAsync(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'readings' AND column_name = 'interval_start' AND data_type = 'TIMESTAMP'"));
        Assert.Equal(1, await temporary.ScalarAsync(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'meter_events' AND column_name = 'device_code'"));
    }

    [Fact]
    public async Task A_version_two_day_index_is_refilled_from_the_readings_with_its_valid_sums()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await using (var connection = await temporary.Store.OpenAsync(TestContext.Current.CancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO readings VALUES ('M1', TIMESTAMP '2026-10-31 16:00:00', 15, 0.5, 'valid', 1),
                                            ('M1', TIMESTAMP '2026-10-31 16:15:00', 15, 9.0, 'spike', 1);
                DROP TABLE meter_days; DROP TABLE terminal_days;
                CREATE TABLE meter_days (meter_no VARCHAR NOT NULL, day DATE NOT NULL, slots_lo UBIGINT NOT NULL, slots_hi UBIGINT NOT NULL,
                    readings SMALLINT NOT NULL, kwh DOUBLE NOT NULL, hours DOUBLE NOT NULL, batch_no INTEGER NOT NULL);
                INSERT INTO meter_days VALUES ('M1', DATE '2026-11-01', 3, 0, 2, 9.5, 0.5, 1);
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await temporary.Store.InitializeAsync(TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal(3, await temporary.ScalarAsync("SELECT max(version) FROM schema_version"));
        Assert.Equal(1, await temporary.ScalarAsync(
            "SELECT count(*) FROM meter_days WHERE meter_no = 'M1' AND day = DATE '2026-11-01' AND slots_lo = 3 AND readings = 2 AND kwh = 9.5 AND valid_import_kwh = 0.5 AND valid_peak_kw = 2 AND valid_minutes = 15"));
        Assert.Equal(0, await temporary.ScalarAsync("SELECT count(*) FROM terminal_days"));
    }

    [Fact]
    public async Task The_directory_is_replaced_whole()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        var transformer = new TransformerDirectoryEntry("T1", "1号公变", 400, "F1", "S1", 7, "urban");
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [new MeterDirectoryEntry("M1", 1, "A1", "residential", 8, false, 1, "T1", "F1", "S1", 7), new MeterDirectoryEntry("M2", 2, "A2", "commercial", 50, true, 3, "T1", "F1", "S1", 7)],
            [transformer],
            TestContext.Current.CancellationToken);
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [new MeterDirectoryEntry("M3", 3, "A3", "residential", 8, false, 1, "T1", "F1", "S1", 7)],
            [transformer],
            TestContext.Current.CancellationToken);

        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM meter_directory"));
        Assert.Equal(3, await temporary.ScalarAsync("SELECT customer_id FROM meter_directory"));
        Assert.Equal(400, await temporary.ScalarAsync("SELECT rated_kva::BIGINT FROM transformer_directory"));
    }
}
