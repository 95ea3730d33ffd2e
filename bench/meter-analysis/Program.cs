using System.Diagnostics;
using System.Globalization;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Domain.Sla;
using MeterAnalysisBench;

// The meter analysis benchmark (issue #5): `generate <file> [meters] [transformers]` builds a store with one China day
// of 15-minute readings; `analyse <file> [rounds]` times the full daily analysis against one hand-written SQL query
// computing the same transformer load rates, alternating the two, and prints the medians and their ratio.
var verb = args.ElementAtOrDefault(0);
var path = args.ElementAtOrDefault(1) ?? throw new ArgumentException("usage: generate|analyse <store file> …");
var day = new DateOnly(2026, 11, 20);
var store = new MeterStore(path);
switch (verb)
{
    case "generate":
        var meters = int.Parse(args.ElementAtOrDefault(2) ?? "300000", CultureInfo.InvariantCulture);
        var transformers = int.Parse(args.ElementAtOrDefault(3) ?? "3000", CultureInfo.InvariantCulture);
        await BenchData.GenerateAsync(store, day, meters, transformers);
        return 0;
    case "analyse":
        var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "5", CultureInfo.InvariantCulture);
        return await AnalyseAsync(rounds);
    default:
        throw new ArgumentException($"unknown verb '{verb}'");
}

async Task<int> AnalyseAsync(int rounds)
{
    var analysis = new DailyAnalysis(store, new MeterAnalysisSettings());
    var full = new List<double>();
    var handWritten = new List<double>();
    DailyAnalysisResult? last = null;
    for (var round = 0; round < rounds; round++)
    {
        last = await analysis.AnalyseDayAsync(day);
        full.Add(last.Elapsed.TotalSeconds);
        handWritten.Add(await HandWrittenAsync());
        Console.WriteLine(FormattableString.Invariant($"round {round + 1}: full analysis {full[^1]:F3} s, hand-written query {handWritten[^1]:F3} s"));
    }

    var fullMedian = Median(full);
    var baseMedian = Median(handWritten);
    Console.WriteLine(FormattableString.Invariant($"rows: {last!.MeterDays:N0} meter-days, {last.TransformerDays:N0} transformer-days, {last.Episodes:N0} episodes, {last.Anomalies:N0} anomalies"));
    Console.WriteLine("steps of the last round: " + string.Join(", ", last.Steps.Select(s => FormattableString.Invariant($"{s.Step} {s.Elapsed.TotalSeconds:F3} s"))));
    Console.WriteLine(FormattableString.Invariant($"median: full daily analysis {fullMedian:F3} s (target < 3 s), hand-written query {baseMedian:F3} s, ratio {fullMedian / baseMedian:F2} (target ≤ 1.5)"));
    return 0;
}

async Task<double> HandWrittenAsync()
{
    var from = ChinaTime.FromCst(day, TimeOnly.MinValue);
    await using var connection = await store.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = $$"""
        CREATE OR REPLACE TEMP TABLE hand_written AS
        WITH meters AS (
            SELECT d.transformer_code, r.interval_start, sum(r.kwh * 60.0 / r.interval_minutes) AS kw
            FROM readings r JOIN meter_directory d ON d.meter_no = r.meter_no
            WHERE r.interval_start >= {{Literal(from)}} AND r.interval_start < {{Literal(from.AddDays(1))}} AND r.quality IN ('valid', 'estimated')
            GROUP BY ALL
        ),
        terminal AS (
            SELECT transformer_code, interval_start, kwh * 60.0 / interval_minutes AS kw,
                   (voltage_a * current_a + voltage_b * current_b + voltage_c * current_c) / 1000.0 AS vi_kva
            FROM terminal_readings
            WHERE interval_start >= {{Literal(from)}} AND interval_start < {{Literal(from.AddDays(1))}} AND quality IN ('valid', 'estimated') AND kwh IS NOT NULL
        )
        SELECT transformer_code, max(load_rate) AS peak_load_rate, arg_max(interval_start, load_rate) AS peak_at,
               avg(load_rate) AS average_load_rate, 15 * count(*) FILTER (WHERE load_rate > 0.8) AS heavy_minutes
        FROM (
            SELECT x.transformer_code, coalesce(t.interval_start, m.interval_start) AS interval_start,
                   coalesce(t.vi_kva, abs(t.kw) / 0.9, abs(m.kw) / 0.9) / x.rated_kva AS load_rate
            FROM meters m
            FULL JOIN terminal t ON t.transformer_code = m.transformer_code AND t.interval_start = m.interval_start
            JOIN transformer_directory x ON x.transformer_code = coalesce(t.transformer_code, m.transformer_code)
        )
        GROUP BY transformer_code
        """;
    var watch = Stopwatch.StartNew();
    await command.ExecuteNonQueryAsync();
    return watch.Elapsed.TotalSeconds;
}

static string Literal(DateTime time) => "TIMESTAMP '" + time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'";

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
