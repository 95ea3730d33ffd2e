using GridCare.Analytics.ComplaintRisk;

namespace GridCare.Analytics.Tests.ComplaintRisk;

public class RankMetricsTests
{
    [Fact]
    public void Auc_CountsPairsOrderedRight_TiesAsHalf()
    {
        // Positives score 0.9 and 0.4; negatives 0.8, 0.4 and 0.1. Pairs (positive, negative), 6 in all:
        // 0.9 beats all three (3); 0.4 loses to 0.8 (0), ties 0.4 (0.5), beats 0.1 (1) → 4.5 / 6 = 0.75.
        double[] scores = [0.9, 0.8, 0.4, 0.4, 0.1];
        bool[] labels = [true, false, true, false, false];

        Assert.Equal(0.75, RankMetrics.Auc(scores, labels), 12);
    }

    [Fact]
    public void Auc_IsOneForAPerfectRanking_HalfForAConstant_NaNWithoutPositives()
    {
        Assert.Equal(1.0, RankMetrics.Auc([0.9, 0.7, 0.2], [true, true, false]), 12);
        Assert.Equal(0.5, RankMetrics.Auc([1, 1, 1, 1], [true, false, false, true]), 12);
        Assert.True(double.IsNaN(RankMetrics.Auc([0.3, 0.2], [false, false])));
    }

    [Fact]
    public void PrecisionAtTop_TakesTheTopShareRoundedUp_AndSplitsATieByItsShare()
    {
        // 20 subjects, top 5 % = 1: the best score is a positive.
        var scores = Enumerable.Range(0, 20).Select(i => (double)(20 - i)).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i is 0 or 5).ToArray();
        Assert.Equal(1.0, RankMetrics.PrecisionAtTop(scores, labels, 0.05), 12);

        // Top 2 of 40 by a 0/1 rule: four subjects tie at 1, one of them positive → expected 0.25.
        var rule = Enumerable.Range(0, 40).Select(i => i < 4 ? 1.0 : 0.0).ToArray();
        var truth = Enumerable.Range(0, 40).Select(i => i == 2).ToArray();
        Assert.Equal(0.25, RankMetrics.PrecisionAtTop(rule, truth, 0.05), 12);
    }
}
