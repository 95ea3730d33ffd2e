using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace GridCare.Analytics.Classification;

/// <summary>The multiclass learners tried; <see cref="Lbfgs"/> is the default (docs/classifier-evaluation.md).</summary>
public enum ClassifierAlgorithm
{
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression).</summary>
    Lbfgs,

    /// <summary>SDCA maximum entropy.</summary>
    Sdca,
}

/// <summary>
/// Trains a <see cref="TextClassifier"/>: normalise, segment and n-gram every text, build the vocabulary (every
/// feature seen — dropping those of a single text cost 0.009 macro-F1 on the corpus), then ML.NET's L-BFGS
/// maximum-entropy learner on the TF-IDF vectors (SDCA was much worse here: docs/benchmarks.md). Deterministic for the same rows.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>
    /// L-BFGS stops when the loss improves by less than this share: 1e-4 instead of ML.NET's 1e-7 halves training
    /// (10,000 ten-class reviews: 165 s → 81 s on a loaded machine) at the same macro-F1 on the corpus (0.9619 vs
    /// 0.9615); 1e-3 lost 0.006 and fell below the baseline (docs/benchmarks.md).
    /// </summary>
    private const float Tolerance = 1e-4f;

    public static TextClassifier Train(IReadOnlyList<LabelledText> rows, string version, ClassifierAlgorithm algorithm = ClassifierAlgorithm.Lbfgs)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("No texts to train on.", nameof(rows));
        }

        var tokens = rows.Select(r => ChineseTokenizer.Tokenize(TextNormalizer.Normalize(r.Text))).ToList();
        var vocabulary = Vocabulary.Build(tokens, minDocuments: 1);
        var ml = Ml.Create();
        var data = ml.Data.LoadFromEnumerable(
            rows.Select((r, i) => new FeatureRow { Label = (uint)r.Label.Index, Features = vocabulary.Vectorize(tokens[i]) }).ToList(),
            FeatureRow.Schema(vocabulary.Size));
        data = ml.Data.Cache(data);
        ITransformer model = algorithm switch
        {
            ClassifierAlgorithm.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 30, NumberOfThreads = 1 }).Fit(data),
            ClassifierAlgorithm.Lbfgs => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options { L2Regularization = 0.01f, L1Regularization = 0f, NumberOfThreads = 1, OptimizationTolerance = Tolerance }).Fit(data),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return new TextClassifier(ml, model, vocabulary, version);
    }
}
