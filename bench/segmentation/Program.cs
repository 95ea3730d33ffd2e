using System.Diagnostics;
using System.Globalization;
using GridCare.Analytics.Segmentation;

// GridCare's side of the k-means benchmark (issue #7): reads the wide profile CSV with the reader `gridcare segment`
// uses, divides each profile by its day's kWh as `--normalize sum` does, and times KMeans.Fit (the engine of
// LoadShapeSegmenter, the console and the CLI) with k-means++ and n initialisations, then the whole
// LoadShapeSegmenter.Run at the same k (k-means, silhouette on a 2,000-point sample, naming the shapes).
// Prints RESULT lines: engine seconds inertia.
// Usage: SegmentationBench <profiles.csv> [k=8] [initialisations=4] [seed=42] [rounds=3]
var path = args.ElementAtOrDefault(0) ?? throw new ArgumentException("usage: SegmentationBench <profiles.csv> [k] [n_init] [seed] [rounds]");
var k = Arg(1, 8);
var initializations = Arg(2, 4);
var seed = Arg(3, 42);
var rounds = Arg(4, 3);

ProfileFile file;
using (var reader = File.OpenText(path))
{
    file = ProfileCsv.Read(reader, Path.GetFileName(path));
}

if (file.Errors.Count > 0)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, file.Errors));
    return 1;
}

var points = file.Profiles.Select(p => ProfileNormalizer.Normalize(p.Values, ProfileNormalization.Sum)).ToArray();
Console.WriteLine($"gridcare: {points.Length} profiles of {points[0].Length} values, {Environment.ProcessorCount} cores, Vector<double> of {System.Numerics.Vector<double>.Count}");
for (var round = 0; round < rounds; round++)
{
    var watch = Stopwatch.StartNew();
    var fit = KMeans.Fit(points, k, seed, initializations);
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT gridcare {watch.Elapsed.TotalSeconds:F3} {fit.Inertia:G9}"));
}

var whole = Stopwatch.StartNew();
var result = LoadShapeSegmenter.Run(file.Profiles, new SegmentationSettings(k, ProfileNormalization.Sum, Seed: seed, Initializations: initializations));
whole.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT gridcare-segment {whole.Elapsed.TotalSeconds:F3} {result.Inertia:G9} (LoadShapeSegmenter.Run, k = {result.K}, silhouette {result.Silhouette:F3})"));
return 0;

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
