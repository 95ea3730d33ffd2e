using System.Diagnostics;
using System.Globalization;
using GridCare.Analytics.MeterData;
using GridCare.Domain.Sla;

namespace MeterAnalysisBench;

/// <summary>
/// A city-sized store generated inside DuckDB (generate_series is far faster than any client): meters under
/// transformers (every tenth three-phase, every fiftieth with PV), a residential day shape with per-meter scale and
/// noise, voltage on the hour around 220 V with a few low pockets (as the demo meters report it), and terminals
/// (with V·I) on two thirds of the transformers.
/// </summary>
internal static class BenchData
{
    public static async Task GenerateAsync(MeterStore store, DateOnly day, int meters, int transformers)
    {
        var watch = Stopwatch.StartNew();
        if (File.Exists(store.DatabasePath))
        {
            File.Delete(store.DatabasePath);
        }

        await store.InitializeAsync(TimeProvider.System);
        var perTransformer = meters / transformers;
        var from = ChinaTime.FromCst(day, TimeOnly.MinValue).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO transformer_directory
            SELECT 'T' || lpad(i::VARCHAR, 6, '0'), 'T' || i || '号公变', [100, 200, 315, 400][1 + i % 4], 'F' || (i // 30), 'S' || (i // 600), 100 + i // 300, 'urban'
            FROM range({transformers}) t(i);
            INSERT INTO meter_directory
            SELECT 'M' || lpad(i::VARCHAR, 9, '0'), i, 'A' || i, 'residential', 8, i % 50 = 0, CASE WHEN i % 10 = 0 THEN 3 ELSE 1 END,
                   'T' || lpad((i // {perTransformer})::VARCHAR, 6, '0'), 'F' || (i // {perTransformer} // 30), 'S' || (i // {perTransformer} // 600), 100 + i // {perTransformer} // 300
            FROM range({meters}) t(i);
            INSERT INTO readings
            SELECT 'M' || lpad(m::VARCHAR, 9, '0'), TIMESTAMP '{from}' + to_minutes(15 * s), 15,
                   round((0.05 + 0.3 * (1 + sin(2 * pi() * (s - 52) / 96)) * (0.4 + (hash(m) % 100) / 80.0)) * (0.8 + (hash(m * 96 + s) % 41) / 100.0), 3),
                   'valid', 1
            FROM range(96) q(s), range({meters}) p(m);
            INSERT INTO phase_readings
            SELECT 'M' || lpad(m::VARCHAR, 9, '0'), TIMESTAMP '{from}' + to_minutes(15 * s), 15,
                   220 + (hash(m * 7 + s) % 21) - 10 - CASE WHEN m // {perTransformer} % 97 = 0 THEN 25 ELSE 0 END,
                   CASE WHEN m % 10 = 0 THEN 221 + (hash(m * 11 + s) % 15) - 7 END,
                   CASE WHEN m % 10 = 0 THEN 219 + (hash(m * 13 + s) % 15) - 7 END,
                   NULL, NULL, NULL, 1
            FROM range(0, 96, 4) q(s), range({meters}) p(m);
            INSERT INTO terminal_readings
            SELECT transformer_code, slot_start, 15, kwh * 1.06, 220, 221, 219, i_a, i_b, i_c, 'valid', 2
            FROM (
                SELECT d.transformer_code, r.interval_start AS slot_start, sum(r.kwh) AS kwh,
                       sum(r.kwh) * 4000 / 660 * 1.1 AS i_a, sum(r.kwh) * 4000 / 660 AS i_b, sum(r.kwh) * 4000 / 660 * 0.9 AS i_c
                FROM readings r JOIN meter_directory d ON d.meter_no = r.meter_no
                WHERE hash(d.transformer_code) % 3 <> 0
                GROUP BY ALL
            );
            CHECKPOINT;
            """);
        await command.ExecuteNonQueryAsync();

        // The day index the import writes with the readings (the analysis reads each meter's day there).
        await store.RebuildDayIndexAsync();
        Console.WriteLine(FormattableString.Invariant($"generated {meters:N0} meters under {transformers:N0} transformers, {meters * 96L:N0} readings in {watch.Elapsed.TotalSeconds:F1} s"));
    }
}
