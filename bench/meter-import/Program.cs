using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Import;

// Meter import speed (issue #5): the same long-form CSV loaded by DuckDB's own COPY (the baseline: the physical
// limit of the store on this machine) and by `gridcare meter import`'s engine (validation, day masks, overlap
// checks, bookkeeping, one transaction). One phase per process so run.sh can read each one's peak memory.
//   generate <file> <readings>   write the file: 300,000 meters (fewer for small counts), 15-minute intervals,
//                                household-like energy (0.02–0.62 kWh, mostly small; ~6 % above the 3 kW spike floor)
//   baseline <file> <folder>     COPY into a fresh store with the file's three columns
//   import <file> <folder>       ReadingImporter into a fresh store whose directory holds the 300,000 meters
var (verb, file) = (args[0], args[1]);
switch (verb)
{
    case "generate":
        Generate(file, long.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    case "baseline":
        await BaselineAsync(file, args[2]);
        break;
    case "import":
        await ImportAsync(file, args[2]);
        break;
    default:
        throw new ArgumentException($"unknown verb {verb}");
}

static int MetersFor(long readings) => (int)Math.Min(300_000, Math.Max(1, readings / 96));

static void Generate(string file, long readings)
{
    var meters = MetersFor(readings);
    var slots = (readings + meters - 1) / meters;
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"""
        COPY (SELECT 'M' || lpad(m::VARCHAR, 8, '0') AS meter_no,
                     strftime(TIMESTAMP '2026-11-01 00:00:00' + to_minutes(s * 15), '%Y-%m-%dT%H:%M:%S+08:00') AS interval_start,
                     round(0.02 + 0.6 * pow(((m * 7919 + s * 104729) % 1000) / 1000.0, 3), 3) AS kwh
              FROM range({slots}) t(s), range({meters}) u(m)
              LIMIT {readings})
        TO '{file}' (HEADER, DELIMITER ',')
        """;
    command.ExecuteNonQuery();
    Console.WriteLine($"generated {readings:N0} readings of {meters:N0} meters ({new FileInfo(file).Length / 1e9:F2} GB)");
}

static async Task BaselineAsync(string file, string folder)
{
    Directory.CreateDirectory(folder);
    await using var connection = new DuckDBConnection($"Data Source={Path.Combine(folder, "baseline.duckdb")}");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "CREATE TABLE raw (meter_no VARCHAR, interval_start TIMESTAMPTZ, kwh DOUBLE)";
    await command.ExecuteNonQueryAsync();
    var clock = Stopwatch.StartNew();
    command.CommandText = $"COPY raw FROM '{file}' (HEADER)";
    var rows = await command.ExecuteNonQueryAsync();
    Report("baseline", rows, clock.Elapsed);
}

static async Task ImportAsync(string file, string folder)
{
    using var store = new MeterStore(Path.Combine(folder, "meters.duckdb"));
    await store.InitializeAsync(TimeProvider.System);
    var meters = Enumerable.Range(0, 300_000).Select(m => new MeterDirectoryEntry(
        $"M{m:D8}", m, $"A{m:D8}", "residential", 8, false, 1, $"T{m / 100:D5}", "F1", "S1", 1));
    var transformers = Enumerable.Range(0, 3_000).Select(t => new TransformerDirectoryEntry($"T{t:D5}", $"T{t}", 400, "F1", "S1", 1, "urban"));
    await MeterDirectoryWriter.ReplaceAsync(store, meters, transformers);
    var clock = Stopwatch.StartNew();
    var result = await new ReadingImporter(store, new VeeSettings(), TimeProvider.System).ImportAsync(ReadingImportRequest.FromFile(file));
    Report("gridcare", result.Stored, clock.Elapsed);
}

static void Report(string name, long rows, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} rows={rows} seconds={elapsed.TotalSeconds:F2} per_second={rows / elapsed.TotalSeconds:F0}"));
