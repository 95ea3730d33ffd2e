using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary>
/// <c>gridcare reliability</c> run as a process on an analyst's files. The log is the engine tests' hand example:
/// ten customers over 2024-01-01 to 2024-01-10 (T = 14,400 min); the arithmetic is repeated where it is asserted.
/// </summary>
public sealed class ReliabilityCommandLineTests : IDisposable
{
    private const int Digits = 9;

    // E1 feeder fault in two steps; E2 in UTC; E3 recloser twice then holds (momentary); E4 reclosing then lockout;
    // E5 exactly 5:00 (momentary) and 5:30 (sustained); E6 supply-shortage cuts (有序用电); E7 after the period.
    private const string Log = """
        event_id,customer_id,interrupted_at,restored_at,cause
        E1,C01,2024-01-02T10:00:00+08:00,2024-01-02T11:00:00+08:00,tree contact
        E1,C02,2024-01-02T10:00:00+08:00,2024-01-02T11:00:00+08:00,tree contact
        E1,C03,2024-01-02T10:00:00+08:00,2024-01-02T11:00:00+08:00,tree contact
        E1,C04,2024-01-02T10:00:00+08:00,2024-01-02T12:30:00+08:00,tree contact
        E2,C01,2024-01-05T01:00:00Z,2024-01-05T01:30:00Z,
        E3,C05,2024-01-06T08:00:00+08:00,2024-01-06T08:00:30+08:00,
        E3,C05,2024-01-06T08:01:00+08:00,2024-01-06T08:01:20+08:00,
        E3,C06,2024-01-06T08:00:00+08:00,2024-01-06T08:00:30+08:00,
        E3,C06,2024-01-06T08:01:00+08:00,2024-01-06T08:01:20+08:00,
        E3,C03,2024-01-06T08:00:00+08:00,2024-01-06T08:00:30+08:00,
        E4,C07,2024-01-07T14:00:00+08:00,2024-01-07T14:00:10+08:00,
        E4,C07,2024-01-07T14:01:00+08:00,2024-01-07T16:11:00+08:00,
        E5,C08,2024-01-08T16:00:00+08:00,2024-01-08T16:05:00+08:00,
        E5,C09,2024-01-08T16:00:00+08:00,2024-01-08T16:05:30+08:00,
        E6,C01,2024-01-09T08:00:00+08:00,2024-01-09T10:00:00+08:00,有序用电
        E6,C02,2024-01-09T08:00:00+08:00,2024-01-09T10:00:00+08:00,supply_shortage
        E7,C10,2024-01-10T16:00:00Z,2024-01-10T17:00:00Z,
        """;

    // ln 1 = 0 twice, ln 4 twice, the zero day left out: α = ln 2, every deviation ±ln 2.
    private const string History = """
        date,saidi_minutes
        2023-01-01,1
        2023-01-02,1
        2023-01-03,4
        2023-01-04,4
        2023-01-05,0
        """;

    private readonly GridCareProcess gridcare = new();

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task Reliability_SmallLog_PrintsEveryIndexAsJson()
    {
        var (code, output, error) = await RunAsync(Write("outages.csv", Log), "--saidi-history", Write("saidi.csv", History));

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        foreach (var key in new[] { "saifi", "saidi", "caidi", "caifi", "ctaidi", "asai", "maifi", "maifi_e", "cemi", "cemsmi", "t_med", "major_event_days" })
        {
            Assert.True(json.ContainsKey(key), $"missing key {key}: {output}");
        }

        // Sustained: Σ N_i = 9, Σ r_i·N_i = 330 + 30 + 130 + 5.5 + 240 = 735.5 min, CN = 6, N_T = 10.
        Assert.Equal(0.9, Number(json, "saifi"), Digits);
        Assert.Equal(73.55, Number(json, "saidi"), Digits);
        Assert.Equal(735.5 / 9, Number(json, "caidi"), Digits);
        Assert.Equal(1.5, Number(json, "caifi"), Digits);
        Assert.Equal(735.5 / 6, Number(json, "ctaidi"), Digits);
        Assert.Equal(1 - (735.5 / 144_000), Number(json, "asai"), Digits);
        // Momentary: 7 rows → 0.7; events C05, C06, C03 (E3) and C08 (E5), not C07 (locked out) → 0.4.
        Assert.Equal(0.7, Number(json, "maifi"), Digits);
        Assert.Equal(0.4, Number(json, "maifi_e"), Digits);
        // More than 1 sustained: C01 (3), C02 (2); with momentary events also C03 (1 + 1).
        Assert.Equal(0.2, json["cemi"]!["1"]!.GetValue<double>(), Digits);
        Assert.Equal(0.3, json["cemsmi"]!["1"]!.GetValue<double>(), Digits);
        // DL/T 836: AIHC-1 = 73.55 / 60 h; RS-3 leaves out E6's 240 customer minutes of supply shortage.
        Assert.Equal(73.55 / 60, Number(json, "aihc_1"), Digits);
        Assert.Equal(0.9, Number(json, "aitc_1"), Digits);
        Assert.Equal((1 - (735.5 / 144_000)) * 100, Number(json, "rs_1"), Digits);
        Assert.Equal((1 - (495.5 / 144_000)) * 100, Number(json, "rs_3"), Digits);
        Assert.Contains("supply_shortage", json["rs_3_assumption"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, json["interruptions_outside_period"]!.GetValue<int>());
        // Sample deviation (the default): T_MED = 2^(1 + 2.5 √(4/3)) = 14.79; days above it: 01-02 (33), 01-09 (24).
        Assert.Equal(Math.Pow(2, 1 + (2.5 * Math.Sqrt(4.0 / 3))), Number(json, "t_med"), Digits);
        Assert.Equal("sample", json["med_method"]!["deviation"]!.GetValue<string>());
        Assert.Equal(["2024-01-02", "2024-01-09"], json["major_event_days"]!.AsArray().Select(d => d!.GetValue<string>()));
        // Without them: C01 30, C07 130, C09 5.5 → SAIDI 16.55, SAIFI 0.3.
        Assert.Equal(16.55, Number(json["excluding_major_event_days"]!.AsObject(), "saidi"), Digits);
        Assert.Equal(0.3, Number(json["excluding_major_event_days"]!.AsObject(), "saifi"), Digits);
    }

    [Fact]
    public async Task Reliability_PopulationDeviation_LowersTheThreshold()
    {
        // β = ln 2 (divide by n): T_MED = 2^3.5 = 11.31, so 01-07 (SAIDI 13) is a major event day too.
        var (code, output, error) = await RunAsync(
            Write("outages.csv", Log), "--saidi-history", Write("saidi.csv", History), "--med-deviation", "population");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(Math.Pow(2, 3.5), Number(json, "t_med"), Digits);
        Assert.Equal(["2024-01-02", "2024-01-07", "2024-01-09"], json["major_event_days"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(3.55, Number(json["excluding_major_event_days"]!.AsObject(), "saidi"), Digits);
    }

    [Fact]
    public async Task Reliability_NoCauseColumnAndNoHistory_StatesTheAssumption_AndHasNoMajorEventDays()
    {
        var log = string.Join('\n', Log.Split('\n').Select(line => line[..line.LastIndexOf(',')]));

        var (code, output, error) = await RunAsync(Write("outages.csv", log));

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(Number(json, "rs_1"), Number(json, "rs_3"), Digits);
        Assert.Contains("no cause column", json["rs_3_assumption"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(json["t_med"]);
        Assert.Empty(json["major_event_days"]!.AsArray());
    }

    [Fact]
    public async Task Reliability_BadRows_ExitWithErrorsNamingFileLineAndColumn()
    {
        var file = Write("log.csv", """
            event_id,customer_id,interrupted_at,restored_at
            E1,C01,2024-01-02T10:00:00+08:00,2024-01-02T11:00:00+08:00
            E1,C02,2024-01-02 10:00,2024-01-02T11:00:00+08:00
            E2,C03,2024-01-02T10:00:00+08:00,2024-01-02T09:00:00+08:00
            E2,C01,2024-01-02T10:30:00+08:00,2024-01-02T12:00:00+08:00
            """);

        var (code, output, error) = await RunAsync(file);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("log.csv:3: interrupted_at: '2024-01-02 10:00' is not an ISO 8601 date and time with an offset", error, StringComparison.Ordinal);
        Assert.Contains("log.csv:4: restored_at:", error, StringComparison.Ordinal);
        Assert.Contains("log.csv:5: interrupted_at: customer C01 is already interrupted", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reliability_BadHistory_ExitsWithErrorsNamingFileLineAndColumn()
    {
        var history = Write("history.csv", "date,saidi_minutes\n2023-01-01,1\n2023-01-01,2\n2023-01-03,lots\n");

        var (code, output, error) = await RunAsync(Write("outages.csv", Log), "--saidi-history", history);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("history.csv:3: date: 2023-01-01 already has a value on line 2", error, StringComparison.Ordinal);
        Assert.Contains("history.csv:4: saidi_minutes: 'lots' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reliability_FewerCustomersServedThanInterrupted_IsRefused()
    {
        var (code, _, error) = await gridcare.RunAsync("reliability", "--interruptions", Write("outages.csv", Log), "--customers-served", "5", "--from", "2024-01-01", "--to", "2024-01-10");

        Assert.Equal(1, code);
        Assert.Contains("--customers-served 5 is fewer than the 9 distinct customers", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string interruptions, params string[] more) =>
        gridcare.RunAsync(["reliability", "--interruptions", interruptions, "--customers-served", "10", "--from", "2024-01-01", "--to", "2024-01-10", .. more]);

    private string Write(string name, string content)
    {
        var path = Path.Combine(gridcare.DataDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static double Number(JsonObject json, string key) => json[key]!.GetValue<double>();
}
