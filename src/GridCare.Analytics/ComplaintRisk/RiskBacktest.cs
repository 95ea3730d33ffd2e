namespace GridCare.Analytics.ComplaintRisk;

/// <summary>How a ranking did on the test month: AUC and precision in its top 5 %.</summary>
public sealed record RiskRankQuality(double Auc, double PrecisionAtTop5Percent);

/// <summary>The backtest of one level: the model against the rule "had a complaint in the last 90 days".</summary>
public sealed record RiskBacktestResult(
    RiskLevel Level, DateTime TestFromUtc, DateTime TestToUtc, int TrainingExamples, int TrainingPositives, int TestSubjects, int TestPositives,
    RiskRankQuality Model, RiskRankQuality Rule);

/// <summary>
/// Training, scoring and backtesting over monthly cut-offs: each cut-off is an example per subject with its
/// features as of then and whether it complained in the 30 days after. The backtest trains on the cut-offs whose
/// 30 days end before the test month, and ranks the subjects at the start of the test month (the last 30 days).
/// </summary>
public static class RiskEngine
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    /// <summary>Training cut-offs at 30-day steps before <paramref name="lastLabelEndUtc"/>, as far back as the history allows.</summary>
    public static List<(float[] Features, bool Label)> Examples(RiskFeatureBuilder builder, RiskLevel level, DateTime lastLabelEndUtc, DateTime historyStartUtc, int maxCutoffs = 11)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var examples = new List<(float[], bool)>();
        for (var k = 1; k <= maxCutoffs; k++)
        {
            var cutoff = lastLabelEndUtc - (k * Horizon);
            if (cutoff - TimeSpan.FromDays(60) < historyStartUtc)
            {
                break;
            }

            foreach (var subject in builder.Subjects(level))
            {
                examples.Add((builder.Features(subject, cutoff), builder.Complained(subject, cutoff, Horizon)));
            }
        }

        return examples;
    }

    /// <summary>Trains on the history up to <paramref name="nowUtc"/> and scores every subject as of now.</summary>
    public static IReadOnlyList<RiskScore> ScoreNow(RiskHistory history, RiskLevel level, DateTime nowUtc, DateTime historyStartUtc, RiskModelOptions? options = null)
    {
        var builder = new RiskFeatureBuilder(history);
        var model = RiskModel.Train(Examples(builder, level, nowUtc, historyStartUtc), options);
        var subjects = builder.Subjects(level);
        return model.Score(subjects, [.. subjects.Select(s => builder.Features(s, nowUtc))], RiskFeature.Of(level));
    }

    public static RiskBacktestResult Backtest(RiskHistory history, RiskLevel level, DateTime nowUtc, DateTime historyStartUtc, RiskModelOptions? options = null)
    {
        var builder = new RiskFeatureBuilder(history);
        var testFrom = nowUtc - Horizon;
        var examples = Examples(builder, level, testFrom, historyStartUtc);
        var model = RiskModel.Train(examples, options);
        var subjects = builder.Subjects(level);
        var features = subjects.Select(s => builder.Features(s, testFrom)).ToList();
        var labels = subjects.Select(s => builder.Complained(s, testFrom, Horizon)).ToList();
        var scores = model.Score(subjects, features, RiskFeature.Of(level)).Select(s => s.Probability).ToList();
        var complaints90 = RiskFeature.Of(level) is var names && names.ToList().IndexOf("complaints90") is var c and >= 0 ? c : throw new InvalidOperationException("No complaints90 feature.");
        var rule = features.Select(f => f[complaints90] > 0 ? 1.0 : 0.0).ToList();
        return new RiskBacktestResult(
            level, testFrom, nowUtc, examples.Count, examples.Count(e => e.Label), subjects.Count, labels.Count(l => l),
            new RiskRankQuality(RankMetrics.Auc(scores, labels), RankMetrics.PrecisionAtTop(scores, labels, 0.05)),
            new RiskRankQuality(RankMetrics.Auc(rule, labels), RankMetrics.PrecisionAtTop(rule, labels, 0.05)));
    }
}
