namespace GridCare.Analytics.Segmentation;

/// <summary>
/// The mean silhouette (Rousseeuw 1987) with Euclidean distances: for each point, (b − a) / max(a, b), where a is the
/// mean distance to the other members of its cluster and b the mean distance to the nearest other cluster; a point
/// alone in its cluster scores 0 (scikit-learn's convention). It costs n² distances, so large sets are scored on a
/// seeded random sample of points, as <c>silhouette_score(sample_size=...)</c> does.
/// </summary>
public sealed class Silhouette
{
    private readonly int[] sample;
    private readonly double[] distances;

    /// <param name="points">All points.</param>
    /// <param name="sampleSize">At most this many points are scored (and measured against each other).</param>
    /// <param name="seed">Seed of the sample.</param>
    public Silhouette(double[][] points, int sampleSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(points);
        var indices = Enumerable.Range(0, points.Length).ToArray();
        if (points.Length > sampleSize)
        {
            new Random(seed).Shuffle(indices);
            indices = indices[..sampleSize];
        }

        sample = indices;
        var n = sample.Length;
        // The distances among the sample are computed once and reused for every k tried.
        distances = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var d = Math.Sqrt(KMeans.SquaredDistance(points[sample[i]], points[sample[j]]));
                distances[(i * n) + j] = d;
                distances[(j * n) + i] = d;
            }
        }
    }

    public double Score(int[] assignments, int k)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var n = sample.Length;
        var labels = sample.Select(i => assignments[i]).ToArray();
        var sizes = new int[k];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        var total = 0.0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                sums[labels[j]] += distances[(i * n) + j];
            }

            var own = labels[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            if (double.IsFinite(b) && Math.Max(a, b) > 0)
            {
                total += (b - a) / Math.Max(a, b);
            }
        }

        return n == 0 ? 0 : total / n;
    }
}
