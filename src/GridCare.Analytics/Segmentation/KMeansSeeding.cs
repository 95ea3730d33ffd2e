namespace GridCare.Analytics.Segmentation;

/// <summary>
/// Greedy k-means++ (Arthur and Vassilvitskii 2007, as scikit-learn does it): each next centre is drawn with
/// probability proportional to the squared distance to the nearest centre so far, 2 + ln k candidates at a time, and
/// the candidate that lowers the total distance most is kept. That spreads the seeds and avoids most bad local minima.
/// </summary>
internal static class KMeansSeeding
{
    public static double[] PlusPlus(PointMatrix points, int k, Random random)
    {
        var d = points.Dimensions;
        var centroids = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        var nearest = new double[points.Count];
        var first = random.Next(points.Count);
        points.Row(first).CopyTo(centroids);
        Distances(points, points.Row(first), nearest, null);
        var candidate = new double[points.Count];
        var bestCandidate = new double[points.Count];
        var cumulative = new double[points.Count];
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < points.Count; i++)
            {
                total += nearest[i];
                cumulative[i] = total;
            }

            var bestPick = -1;
            var bestTotal = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var pick = total > 0 ? Pick(cumulative, random.NextDouble() * total) : random.Next(points.Count);
                var candidateTotal = Distances(points, points.Row(pick), candidate, nearest);
                if (candidateTotal < bestTotal)
                {
                    bestTotal = candidateTotal;
                    bestPick = pick;
                    (candidate, bestCandidate) = (bestCandidate, candidate);
                }
            }

            points.Row(bestPick).CopyTo(centroids.AsSpan(c * d, d));
            (nearest, bestCandidate) = (bestCandidate, nearest);
        }

        return centroids;
    }

    // The first index whose running total reaches the target (binary search over the running totals).
    private static int Pick(double[] cumulative, double target)
    {
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index;
        return Math.Min(index, cumulative.Length - 1);
    }

    // Each point's squared distance to the centre, or the smaller of that and the current nearest; returns their sum.
    private static double Distances(PointMatrix points, ReadOnlySpan<double> centre, double[] result, double[]? nearest)
    {
        var partial = new double[points.Blocks];
        var copy = centre.ToArray();
        points.ForEachBlock((b, start, end) =>
        {
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                var distance = VectorMath.SquaredDistance(points.Row(i), copy);
                result[i] = nearest is null ? distance : Math.Min(distance, nearest[i]);
                sum += result[i];
            }

            partial[b] = sum;
        });
        return partial.Sum();
    }
}
