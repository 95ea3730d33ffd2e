using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GridCare.Analytics.Segmentation;
using GridCare.Features.Segmentation;
using GridCare.Platform;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare segment</c>: the console's load-shape segmentation on an analyst's own file, without a database.
/// Prints the clusters as JSON on stdout; a bad file gives every bad line on stderr and exit code 1.
/// </summary>
internal static class SegmentCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var profiles = new Option<FileInfo>("--profiles")
        {
            Description = "CSV of readings customer_id,interval_start,kwh (ISO 8601 with offset; averaged into each customer's day) or of profiles customer_id,v1,…,vN",
            Required = true,
        };
        var k = new Option<string>("--k") { Description = "number of clusters, or auto (2 to 10, best silhouette)", DefaultValueFactory = _ => "auto" };
        k.Validators.Add(r =>
        {
            if (!TryParseK(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError($"--k must be auto or a whole number from 1 to 100, not '{r.GetValueOrDefault<string>()}'");
            }
        });
        var normalize = new Option<string>("--normalize") { Description = "sum (share of the day's kWh, default), peak (share of the peak) or none (raw kWh)", DefaultValueFactory = _ => "sum" };
        normalize.AcceptOnlyFromAmong("sum", "peak", "none");
        var seed = new Option<int>("--seed") { Description = "random seed of k-means++ and the silhouette sample", DefaultValueFactory = _ => 42 };

        var command = new Command("segment", "Cluster customers' daily load profiles (k-means++) and name each cluster's shape, as JSON.") { profiles, k, normalize, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(profiles);
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName}: no such file");
                return 2;
            }

            ProfileFile read;
            using (var reader = file.OpenText())
            {
                read = ProfileCsv.Read(reader, file.Name);
            }

            foreach (var error in read.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (read.Errors.Count > 0)
            {
                return 1;
            }

            if (read.Profiles.Count < 2)
            {
                await Console.Error.WriteLineAsync($"{file.Name}: {read.Profiles.Count} complete profiles; at least two are needed to segment.");
                return 1;
            }

            var normalization = Enum.Parse<ProfileNormalization>(parse.GetRequiredValue(normalize), ignoreCase: true);
            var result = LoadShapeSegmenter.Run(read.Profiles, new SegmentationSettings(TryParseK(parse.GetRequiredValue(k), out var fixedK) ? fixedK : null, normalization, Seed: parse.GetValue(seed)));
            Console.WriteLine(JsonSerializer.Serialize(Output(result, read), Json));
            return 0;
        });
        return command;
    }

    private static object Output(SegmentationResult result, ProfileFile read) => new
    {
        k = result.K,
        normalize = ApiEnums.Name(result.Normalization),
        intervalMinutes = read.IntervalMinutes,
        customers = read.Profiles.Count,
        skipped = read.Skipped,
        silhouette = result.Silhouette,
        inertia = result.Inertia,
        tried = result.Tried.Select(t => new { k = t.K, silhouette = t.Silhouette }),
        clusters = result.Segments.Select(s => new
        {
            cluster = s.Index,
            label = ApiEnums.Name(s.Shape),
            description = new Dictionary<string, string> { ["en"] = SegmentationStrings.Describe(s.Shape, "en"), ["zh-CN"] = SegmentationStrings.Describe(s.Shape, "zh-CN") },
            size = s.Size,
            features = s.Features,
            members = s.Members,
            centroid = s.Centroid,
        }),
    };

    private static bool TryParseK(string text, out int? k)
    {
        k = null;
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100)
        {
            k = value;
            return true;
        }

        return false;
    }
}
