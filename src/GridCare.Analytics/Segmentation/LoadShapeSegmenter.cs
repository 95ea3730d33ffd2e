namespace GridCare.Analytics.Segmentation;

/// <summary>How to segment: a fixed k, or null to pick k by the best silhouette in <see cref="MinK"/>..<see cref="MaxK"/>.</summary>
public sealed record SegmentationSettings(
    int? K,
    ProfileNormalization Normalization = ProfileNormalization.Sum,
    int MinK = 2,
    int MaxK = 10,
    int Seed = 42,
    int Initializations = 4,
    int SilhouetteSample = 2000);

public sealed record Segment(int Index, LoadShape Shape, ShapeFeatures Features, IReadOnlyList<double> Centroid, IReadOnlyList<string> Members)
{
    public int Size => Members.Count;
}

/// <summary>The clusters, biggest first, with the silhouette of the whole solution and its inertia (normalised units).</summary>
public sealed record SegmentationResult(int K, ProfileNormalization Normalization, double Silhouette, double Inertia, IReadOnlyList<Segment> Segments, IReadOnlyList<(int K, double Silhouette)> Tried);

/// <summary>Clusters customers' daily load profiles into groups of similar shape and names each group's shape.</summary>
public static class LoadShapeSegmenter
{
    public static SegmentationResult Run(IReadOnlyList<LoadProfile> profiles, SegmentationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(settings);
        if (profiles.Count < 2)
        {
            throw new ArgumentException("Segmentation needs at least two profiles.", nameof(profiles));
        }

        var length = profiles[0].Values.Count;
        if (length == 0 || profiles.Any(p => p.Values.Count != length))
        {
            throw new ArgumentException("Every profile needs the same, non-zero number of intervals.", nameof(profiles));
        }

        // A stable order makes the result independent of the order the rows came in.
        var ordered = profiles.OrderBy(p => p.CustomerId, StringComparer.Ordinal).ToList();
        var points = ordered.Select(p => ProfileNormalizer.Normalize(p.Values, settings.Normalization)).ToArray();
        var silhouette = new Silhouette(points, settings.SilhouetteSample, settings.Seed);
        var tried = new List<(int K, double Silhouette)>();
        KMeansFit? best = null;
        var bestScore = double.NegativeInfinity;
        var ks = settings.K is { } fixedK
            ? [Math.Clamp(fixedK, 1, points.Length)]
            : Enumerable.Range(settings.MinK, Math.Max(1, Math.Min(settings.MaxK, points.Length - 1) - settings.MinK + 1));
        foreach (var k in ks)
        {
            var fit = KMeans.Fit(points, k, settings.Seed, settings.Initializations);
            var score = k > 1 ? silhouette.Score(fit.Assignments, k) : 0;
            tried.Add((k, score));
            if (best is null || score > bestScore)
            {
                best = fit;
                bestScore = score;
            }
        }

        var segments = Enumerable.Range(0, best!.Centroids.Length)
            .Select(c => (Centroid: best.Centroids[c], Members: ordered.Where((_, i) => best.Assignments[i] == c).Select(p => p.CustomerId).ToList()))
            .Where(s => s.Members.Count > 0)
            .OrderByDescending(s => s.Members.Count).ThenBy(s => s.Members[0], StringComparer.Ordinal)
            .Select((s, index) => new Segment(index + 1, LoadShapeDescriber.Describe(s.Centroid), LoadShapeDescriber.Features(s.Centroid), s.Centroid, s.Members))
            .ToList();
        return new SegmentationResult(segments.Count, settings.Normalization, bestScore, best.Inertia, segments, tried);
    }
}
