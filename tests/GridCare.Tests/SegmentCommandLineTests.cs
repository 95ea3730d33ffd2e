using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary><c>gridcare segment</c> run as a process on small files whose clusters are known by construction.</summary>
public sealed class SegmentCommandLineTests : IDisposable
{
    private readonly GridCareProcess gridcare = new();

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task Segment_WideProfiles_FixedK_PrintsTheTwoShapesAsJson()
    {
        // Evening customers put 60 % of their day into the last quarter, daytime customers into the second and third;
        // the two of each shape differ only in scale, so sum normalisation makes them identical: inertia 0, silhouette 1.
        var file = Write("wide.csv", """
            customer_id,v1,v2,v3,v4
            E1,1,1,2,6
            E2,2,2,4,12
            D1,1,4,4,1
            D2,0.5,2,2,0.5
            """);

        var (code, output, error) = await gridcare.RunAsync("segment", "--profiles", file, "--k", "2", "--normalize", "sum");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(2, json["k"]!.GetValue<int>());
        Assert.Equal(0, json["inertia"]!.GetValue<double>(), 12);
        Assert.Equal(1, json["silhouette"]!.GetValue<double>(), 12);
        var clusters = json["clusters"]!.AsArray();
        Assert.Equal([["D1", "D2"], ["E1", "E2"]], clusters.Select(c => c!["members"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray()).OrderBy(m => m[0], StringComparer.Ordinal));
        var evening = clusters.Single(c => c!["members"]![0]!.GetValue<string>() == "E1")!;
        Assert.Equal([0.1, 0.1, 0.2, 0.6], evening["centroid"]!.AsArray().Select(v => Math.Round(v!.GetValue<double>(), 12)));
        Assert.Equal(2, evening["size"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(evening["label"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(evening["description"]!["zh-CN"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Segment_LongReadings_AveragesDaysPerHour_AndPicksKBySilhouette()
    {
        // Two days of hourly readings (+08:00) for six customers: three use 1 kWh 19:00–22:00 (0.1 otherwise), three
        // use 1 kWh 09:00–17:00 (0.05 otherwise); the second day is the same, so the mean day is the day itself.
        var text = new StringBuilder("customer_id,interval_start,kwh\n");
        foreach (var (customer, evening) in new[] { ("H1", true), ("H2", true), ("H3", true), ("S1", false), ("S2", false), ("S3", false) })
        {
            foreach (var day in new[] { "2024-03-04", "2024-03-05" })
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    var kwh = evening ? (hour is >= 19 and < 22 ? 1 : 0.1) : hour is >= 9 and < 17 ? 1 : 0.05;
                    text.Append(CultureInfo.InvariantCulture, $"{customer},{day}T{hour:00}:00:00+08:00,{kwh}\n");
                }
            }
        }

        var (code, output, error) = await gridcare.RunAsync("segment", "--profiles", Write("long.csv", text.ToString()), "--k", "auto");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(60, json["intervalMinutes"]!.GetValue<int>());
        Assert.Equal(2, json["k"]!.GetValue<int>());
        var labels = json["clusters"]!.AsArray().ToDictionary(c => c!["members"]![0]!.GetValue<string>(), c => c!["label"]!.GetValue<string>());
        Assert.Equal("eveningPeak", labels["H1"]);
        Assert.Equal("daytimeCommerce", labels["S1"]);
        Assert.Equal(24, json["clusters"]![0]!["centroid"]!.AsArray().Count);
    }

    [Fact]
    public async Task Segment_BadLines_NameEachLineAndExitWithOne()
    {
        var file = Write("bad.csv", """
            customer_id,interval_start,kwh
            C1,2024-03-04T00:00:00+08:00,1
            C1,2024-03-04 00:15:00,1
            C2,2024-03-04T00:00:00+08:00,abc
            """);

        var (code, output, error) = await gridcare.RunAsync("segment", "--profiles", file);
        var (kCode, _, kError) = await gridcare.RunAsync("segment", "--profiles", file, "--k", "many");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("bad.csv:3: interval_start", error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:4: kwh 'abc'", error, StringComparison.Ordinal);
        Assert.NotEqual(0, kCode);
        Assert.Contains("--k must be auto or a whole number", kError, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(gridcare.DataDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
