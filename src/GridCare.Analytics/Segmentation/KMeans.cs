namespace GridCare.Analytics.Segmentation;

/// <summary>One k-means solution: each point's cluster, the centroids and the sum of squared distances.</summary>
public sealed record KMeansFit(int[] Assignments, double[][] Centroids, double Inertia);

/// <summary>
/// Lloyd's k-means with greedy k-means++ seeding, run from several seeds and keeping the lowest inertia, like
/// scikit-learn's <c>KMeans(init="k-means++", n_init=...)</c>. The random source is seeded and the parallel work is
/// split into fixed blocks merged in order (<see cref="PointMatrix"/>), so the same data give the same clusters.
/// </summary>
public static class KMeans
{
    public static KMeansFit Fit(double[][] points, int k, int seed, int initializations = 4, int maxIterations = 300, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (k < 1 || k > points.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be from 1 to the number of profiles ({points.Length}).");
        }

        // One contiguous copy instead of 100,000 small arrays: rows sit next to each other for the cache and SIMD.
        var matrix = new PointMatrix(points);
        var random = new Random(seed);
        KMeansFit? best = null;
        for (var run = 0; run < Math.Max(1, initializations); run++)
        {
            var fit = new KMeansLloyd(matrix, KMeansSeeding.PlusPlus(matrix, k, random)).Run(maxIterations, tolerance);
            if (best is null || fit.Inertia < best.Inertia)
            {
                best = fit;
            }
        }

        return best!;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return VectorMath.SquaredDistance(a, b);
    }
}
