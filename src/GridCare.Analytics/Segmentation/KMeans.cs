namespace GridCare.Analytics.Segmentation;

/// <summary>One k-means solution: each point's cluster, the centroids and the sum of squared distances.</summary>
public sealed record KMeansFit(int[] Assignments, double[][] Centroids, double Inertia);

/// <summary>
/// Lloyd's k-means with k-means++ seeding, run from several seeds and keeping the lowest inertia, like scikit-learn's
/// <c>KMeans(init="k-means++", n_init=...)</c>. The random source is seeded, so the same data give the same clusters.
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

        var random = new Random(seed);
        KMeansFit? best = null;
        for (var run = 0; run < Math.Max(1, initializations); run++)
        {
            var fit = Lloyd(points, SeedPlusPlus(points, k, random), maxIterations, tolerance);
            if (best is null || fit.Inertia < best.Inertia)
            {
                best = fit;
            }
        }

        return best!;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }

    // k-means++: each next centre is drawn with probability proportional to the squared distance to the nearest
    // centre so far, which spreads the seeds and avoids most bad local minima.
    private static double[][] SeedPlusPlus(double[][] points, int k, Random random)
    {
        var centroids = new double[k][];
        centroids[0] = (double[])points[random.Next(points.Length)].Clone();
        var nearest = new double[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            nearest[i] = SquaredDistance(points[i], centroids[0]);
        }

        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var pick = 0;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                for (var acc = 0.0; pick < points.Length - 1; pick++)
                {
                    acc += nearest[pick];
                    if (acc >= target)
                    {
                        break;
                    }
                }
            }
            else
            {
                pick = random.Next(points.Length);
            }

            centroids[c] = (double[])points[pick].Clone();
            for (var i = 0; i < points.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(points[i], centroids[c]));
            }
        }

        return centroids;
    }

    private static KMeansFit Lloyd(double[][] points, double[][] centroids, int maxIterations, double tolerance)
    {
        var k = centroids.Length;
        var dimensions = points[0].Length;
        var assignments = new int[points.Length];
        var distances = new double[points.Length];
        for (var iteration = 0; ; iteration++)
        {
            Assign(points, centroids, assignments, distances);
            if (iteration >= maxIterations)
            {
                break;
            }

            var sums = new double[k][];
            var counts = new int[k];
            for (var c = 0; c < k; c++)
            {
                sums[c] = new double[dimensions];
            }

            for (var i = 0; i < points.Length; i++)
            {
                var c = assignments[i];
                counts[c]++;
                var p = points[i];
                var s = sums[c];
                for (var d = 0; d < dimensions; d++)
                {
                    s[d] += p[d];
                }
            }

            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                double[] next;
                if (counts[c] == 0)
                {
                    // An empty cluster takes the point worst served by its centre, as scikit-learn does.
                    var far = Array.IndexOf(distances, distances.Max());
                    next = (double[])points[far].Clone();
                    distances[far] = 0;
                }
                else
                {
                    next = [.. sums[c].Select(v => v / counts[c])];
                }

                shift += SquaredDistance(centroids[c], next);
                centroids[c] = next;
            }

            if (shift <= tolerance * tolerance)
            {
                Assign(points, centroids, assignments, distances);
                break;
            }
        }

        return new KMeansFit(assignments, centroids, distances.Sum());
    }

    private static void Assign(double[][] points, double[][] centroids, int[] assignments, double[] distances)
    {
        for (var i = 0; i < points.Length; i++)
        {
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < centroids.Length; c++)
            {
                var d = SquaredDistance(points[i], centroids[c]);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }

            assignments[i] = best;
            distances[i] = bestDistance;
        }
    }
}
