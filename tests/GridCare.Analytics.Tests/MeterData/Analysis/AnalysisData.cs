using System.Globalization;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

/// <summary>A reading as the tests write it: energy of the interval and, optionally, per-phase voltage and current.</summary>
internal sealed record TestReading(
    string Device, DateTime Start, double? Kwh, double? Va = null, double? Vb = null, double? Vc = null,
    double? Ia = null, double? Ib = null, double? Ic = null, string Quality = MeterQuality.Valid, short Minutes = 15);

/// <summary>
/// Hand-built days for the analysis tests: the China day 2026-11-20 ([19 Nov 16:00 UTC, 20 Nov 16:00 UTC)), readings
/// written straight into the store with the DuckDB appender, as the ingest does.
/// </summary>
internal static class AnalysisData
{
    public static readonly DateOnly Day = new(2026, 11, 20);

    /// <summary>The UTC start of 15-minute slot <paramref name="slot"/> (0–95) of a China day.</summary>
    public static DateTime Slot(int slot, DateOnly? day = null) =>
        new DateTime((day ?? Day).ToDateTime(TimeOnly.MinValue).AddHours(-8).AddMinutes(15 * slot).Ticks, DateTimeKind.Utc);

    public static IEnumerable<TestReading> WholeDay(string device, Func<int, double?> kwh, DateOnly? day = null, Func<int, TestReading, TestReading>? shape = null) =>
        Enumerable.Range(0, 96).Select(s => (s, r: new TestReading(device, Slot(s, day), kwh(s))))
            .Select(x => shape is null ? x.r : shape(x.s, x.r));

    public static MeterDirectoryEntry Meter(string meterNo, string transformer, int phases = 1, bool generation = false, long? customer = null) =>
        new(meterNo, customer ?? long.Parse(meterNo[1..], CultureInfo.InvariantCulture), "A" + meterNo, "residential", 8, generation, phases, transformer, "F1", "S1", 7);

    public static TransformerDirectoryEntry Transformer(string code, double ratedKva, int orgUnit = 7) =>
        new(code, code + "号公变", ratedKva, "F1", "S1", orgUnit, "urban");

    /// <summary>
    /// Stores readings as the ingest does: energy in readings (or terminal_readings) and, for meters, the per-phase
    /// values in phase_readings — through a staging table, since the store's quality column is an ENUM — and the
    /// day index rebuilt from them.
    /// </summary>
    public static async Task WriteAsync(MeterStore store, string table, IEnumerable<TestReading> readings)
    {
        await using var connection = await store.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE OR REPLACE TEMP TABLE staging (device VARCHAR, ts TIMESTAMP, minutes SMALLINT, kwh DOUBLE,
                    va DOUBLE, vb DOUBLE, vc DOUBLE, ia DOUBLE, ib DOUBLE, ic DOUBLE, quality VARCHAR)
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using (var appender = connection.CreateAppender("staging"))
        {
            foreach (var r in readings)
            {
                appender.CreateRow()
                    .AppendValue(r.Device).AppendValue(r.Start).AppendValue(r.Minutes).AppendValue(r.Kwh)
                    .AppendValue(r.Va).AppendValue(r.Vb).AppendValue(r.Vc).AppendValue(r.Ia).AppendValue(r.Ib).AppendValue(r.Ic)
                    .AppendValue(r.Quality)
                    .EndRow();
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = table == "terminal_readings"
            ? "INSERT INTO terminal_readings SELECT device, ts, minutes, kwh, va, vb, vc, ia, ib, ic, quality, 1 FROM staging"
            : """
              INSERT INTO readings SELECT device, ts, minutes, kwh, quality, 1 FROM staging WHERE kwh IS NOT NULL;
              INSERT INTO phase_readings SELECT device, ts, minutes, va, vb, vc, ia, ib, ic, 1 FROM staging
              WHERE coalesce(va, vb, vc, ia, ib, ic) IS NOT NULL;
              """;
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await store.RebuildDayIndexAsync(TestContext.Current.CancellationToken);
    }

    public static async Task QueueAsync(MeterStore store, DateOnly day)
    {
        await using var connection = await store.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO analysis_queue VALUES ($day, now()::TIMESTAMP) ON CONFLICT DO NOTHING";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("day", day));
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<List<Dictionary<string, object?>>> RowsAsync(MeterStore store, string sql)
    {
        await using var connection = await store.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static DailyAnalysis Analysis(MeterStore store) => new(store, new MeterAnalysisSettings());
}
