using System.Numerics;
using System.Runtime.InteropServices;

namespace GridCare.Analytics.Segmentation;

/// <summary>
/// Lloyd's iterations from given centroids until they move less than the tolerance. The nearest centroid is found with
/// ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖² (only −2 x·c + ‖c‖² differs between centroids), four centroids per pass over a row;
/// each block of rows also sums its members per cluster, and the blocks are merged in order.
/// </summary>
internal sealed class KMeansLloyd(PointMatrix points, double[] centroids)
{
    private readonly int k = centroids.Length / points.Dimensions;
    private readonly int d = points.Dimensions;
    private readonly int[] assignments = new int[points.Count];
    private readonly double[] distances = new double[points.Count];
    private readonly double[] norms = new double[centroids.Length / points.Dimensions];
    private readonly double[][] blockSums = [.. Enumerable.Range(0, points.Blocks).Select(_ => new double[centroids.Length])];
    private readonly int[][] blockCounts = [.. Enumerable.Range(0, points.Blocks).Select(_ => new int[centroids.Length / points.Dimensions])];

    public KMeansFit Run(int maxIterations, double tolerance)
    {
        var next = new double[centroids.Length];
        for (var iteration = 0; ; iteration++)
        {
            Assign();
            if (iteration >= maxIterations)
            {
                break;
            }

            Array.Clear(next);
            var counts = new int[k];
            for (var b = 0; b < points.Blocks; b++)
            {
                VectorMath.AddTo(blockSums[b], next);
                for (var c = 0; c < k; c++)
                {
                    counts[c] += blockCounts[b][c];
                }
            }

            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                var centre = next.AsSpan(c * d, d);
                if (counts[c] == 0)
                {
                    // An empty cluster takes the point worst served by its centre, as scikit-learn does.
                    var far = Array.IndexOf(distances, distances.Max());
                    points.Row(far).CopyTo(centre);
                    distances[far] = 0;
                }
                else
                {
                    foreach (ref var value in centre)
                    {
                        value /= counts[c];
                    }
                }

                shift += VectorMath.SquaredDistance(centroids.AsSpan(c * d, d), centre);
            }

            next.CopyTo(centroids, 0);
            if (shift <= tolerance * tolerance)
            {
                Assign();
                break;
            }
        }

        return new KMeansFit(assignments, [.. Enumerable.Range(0, k).Select(c => centroids.AsSpan(c * d, d).ToArray())], Inertia());
    }

    // The exact sum of squared distances to the assigned centres (the expanded form is only used to compare).
    private double Inertia()
    {
        var partial = new double[points.Blocks];
        points.ForEachBlock((b, start, end) =>
        {
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                sum += VectorMath.SquaredDistance(points.Row(i), centroids.AsSpan(assignments[i] * d, d));
            }

            partial[b] = sum;
        });
        return partial.Sum();
    }

    private void Assign()
    {
        for (var c = 0; c < k; c++)
        {
            norms[c] = VectorMath.Dot(centroids.AsSpan(c * d, d), centroids.AsSpan(c * d, d));
        }

        points.ForEachBlock((b, start, end) =>
        {
            var sums = blockSums[b];
            var counts = blockCounts[b];
            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = start; i < end; i++)
            {
                var row = points.Row(i);
                var (best, value) = Nearest(row);
                assignments[i] = best;
                distances[i] = Math.Max(0, points.SquaredNorms[i] + value);
                counts[best]++;
                VectorMath.AddTo(row, sums.AsSpan(best * d, d));
            }
        });
    }

    // The centroid minimising ‖c‖² − 2 x·c, and that value; x is read once for four centroids.
    private (int Best, double Value) Nearest(ReadOnlySpan<double> row)
    {
        var best = 0;
        var bestValue = double.PositiveInfinity;
        var width = Vector<double>.Count;
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(row);
        var tail = vectors.Length * width;
        var c = 0;
        for (; c + 4 <= k; c += 4)
        {
            var c0 = MemoryMarshal.Cast<double, Vector<double>>(centroids.AsSpan(c * d, d));
            var c1 = MemoryMarshal.Cast<double, Vector<double>>(centroids.AsSpan((c + 1) * d, d));
            var c2 = MemoryMarshal.Cast<double, Vector<double>>(centroids.AsSpan((c + 2) * d, d));
            var c3 = MemoryMarshal.Cast<double, Vector<double>>(centroids.AsSpan((c + 3) * d, d));
            Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var j = 0; j < vectors.Length; j++)
            {
                var x = vectors[j];
                s0 += x * c0[j];
                s1 += x * c1[j];
                s2 += x * c2[j];
                s3 += x * c3[j];
            }

            Keep(c, norms[c] - (2 * (Vector.Sum(s0) + TailDot(row, c, tail))), ref best, ref bestValue);
            Keep(c + 1, norms[c + 1] - (2 * (Vector.Sum(s1) + TailDot(row, c + 1, tail))), ref best, ref bestValue);
            Keep(c + 2, norms[c + 2] - (2 * (Vector.Sum(s2) + TailDot(row, c + 2, tail))), ref best, ref bestValue);
            Keep(c + 3, norms[c + 3] - (2 * (Vector.Sum(s3) + TailDot(row, c + 3, tail))), ref best, ref bestValue);
        }

        for (; c < k; c++)
        {
            Keep(c, norms[c] - (2 * VectorMath.Dot(row, centroids.AsSpan(c * d, d))), ref best, ref bestValue);
        }

        return (best, bestValue);
    }

    // The part of x·c past the last whole vector (none when the dimensions are a multiple of the vector width).
    private double TailDot(ReadOnlySpan<double> row, int c, int tail)
    {
        var sum = 0.0;
        for (var j = tail; j < d; j++)
        {
            sum += row[j] * centroids[(c * d) + j];
        }

        return sum;
    }

    private static void Keep(int candidate, double value, ref int best, ref double bestValue)
    {
        if (value < bestValue)
        {
            best = candidate;
            bestValue = value;
        }
    }
}
