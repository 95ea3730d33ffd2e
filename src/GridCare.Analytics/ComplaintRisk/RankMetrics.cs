namespace GridCare.Analytics.ComplaintRisk;

/// <summary>Ranking measures with ties handled as a random order among equal scores would on average.</summary>
public static class RankMetrics
{
    /// <summary>
    /// The area under the ROC curve: the chance a random positive scores above a random negative, a tie counting a
    /// half (Mann–Whitney with mid-ranks). NaN without positives or negatives.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        double positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = Enumerable.Range(0, labels.Count).Where(i => labels[i]).Sum(i => ranks[i]);
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// The share of positives among the top <paramref name="fraction"/> (rounded up) by score. Where the cut falls
    /// inside a group of equal scores, the group counts with its own share of positives, as a random order would.
    /// </summary>
    public static double PrecisionAtTop(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double fraction)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var take = (int)Math.Ceiling(scores.Count * fraction);
        if (take == 0)
        {
            return double.NaN;
        }

        double hits = 0;
        var left = take;
        foreach (var group in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            var members = group.ToList();
            var share = members.Count(i => labels[i]) / (double)members.Count;
            var used = Math.Min(left, members.Count);
            hits += used * share;
            left -= used;
            if (left == 0)
            {
                break;
            }
        }

        return hits / take;
    }
}
