using System.Collections.Concurrent;
using GridCare.Domain.WorkOrders;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GridCare.Analytics.Classification;

/// <summary>
/// A trained model ready to classify: the vocabulary, ML.NET's multiclass maximum-entropy model and, for the
/// explanation, its weights. Thread-safe: prediction engines (not thread-safe themselves) are pooled.
/// </summary>
public sealed class TextClassifier
{
    private const int ExplanationSize = 6;
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly SchemaDefinition schema;
    private readonly float[][] weights;
    private readonly ConcurrentBag<PredictionEngine<FeatureRow, ScoreRow>> engines = [];

    internal TextClassifier(MLContext ml, ITransformer model, Vocabulary vocabulary, string version)
    {
        this.ml = ml;
        this.model = model;
        Vocabulary = vocabulary;
        Version = version;
        schema = FeatureRow.Schema(vocabulary.Size);
        weights = Weights(model);
    }

    public string Version { get; }

    public Vocabulary Vocabulary { get; }

    internal ITransformer Model => model;

    public ClassificationResult Classify(string? text, double reviewThreshold)
    {
        var normalized = TextNormalizer.Normalize(text);
        var features = Vocabulary.Vectorize(ChineseTokenizer.Tokenize(normalized));
        var scores = Score(features);
        var labels = ClassLabel.All;

        var types = Enum.GetValues<WorkOrderType>().ToDictionary(t => t, _ => 0.0);
        var classes = Enum.GetValues<ComplaintClass>().ToDictionary(c => c, _ => 0.0);
        for (var i = 0; i < labels.Count; i++)
        {
            types[labels[i].Type] += scores[i];
            if (labels[i].ComplaintClass is { } c)
            {
                classes[c] = scores[i];
            }
        }

        var complaintTotal = types[WorkOrderType.Complaint];
        foreach (var c in classes.Keys.ToList())
        {
            classes[c] = complaintTotal > 0 ? classes[c] / complaintTotal : 1.0 / classes.Count;
        }

        var type = types.MaxBy(t => t.Value).Key;
        ComplaintClass? complaintClass = type == WorkOrderType.Complaint ? classes.MaxBy(c => c.Value).Key : null;
        var label = ClassLabel.Of(type, complaintClass);
        var confidence = scores[label.Index];
        return new ClassificationResult(
            type,
            complaintClass,
            Math.Round(confidence, 4),
            confidence < reviewThreshold,
            FlagLexicon.Match(normalized),
            Explain(features, label.Index),
            types.ToDictionary(t => t.Key, t => Math.Round(t.Value, 4)),
            classes.ToDictionary(c => c.Key, c => Math.Round(c.Value, 4)),
            Version);
    }

    /// <summary>Probabilities of every label, in the order of <see cref="ClassLabel.All"/>.</summary>
    internal float[] Score(VBuffer<float> features)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(model, inputSchemaDefinition: schema);
        }

        try
        {
            return engine.Predict(new FeatureRow { Features = features }).Score;
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>The features present in the text with the largest positive contribution (value × weight) to the chosen label.</summary>
    private List<ExplanationTerm> Explain(VBuffer<float> features, int label)
    {
        var row = weights[label];
        var indices = features.GetIndices();
        var values = features.GetValues();
        var contributions = new (int Feature, float Weight)[indices.Length];
        var n = 0;
        var total = 0.0;
        for (var k = 0; k < indices.Length; k++)
        {
            var contribution = values[k] * row[indices[k]];
            if (contribution > 0)
            {
                contributions[n++] = (indices[k], contribution);
                total += contribution;
            }
        }

        // A word and the character gram of the same text (w:停电, c:停电) are one term to a reader.
        Array.Sort(contributions, 0, n, ByWeightDescending.Instance);
        var terms = new List<ExplanationTerm>(ExplanationSize);
        for (var k = 0; k < n && terms.Count < ExplanationSize; k++)
        {
            var term = ChineseTokenizer.Display(Vocabulary.Term(contributions[k].Feature));
            if (!terms.Exists(t => t.Term == term))
            {
                terms.Add(new ExplanationTerm(term, Math.Round(contributions[k].Weight / total, 3)));
            }
        }

        return terms;
    }

    private sealed class ByWeightDescending : IComparer<(int Feature, float Weight)>
    {
        public static readonly ByWeightDescending Instance = new();

        public int Compare((int Feature, float Weight) x, (int Feature, float Weight) y) => y.Weight.CompareTo(x.Weight);
    }

    private static float[][] Weights(ITransformer model)
    {
        var predictor = model switch
        {
            MulticlassPredictionTransformer<MaximumEntropyModelParameters> direct => direct.Model,
            TransformerChain<ITransformer> chain when chain.LastTransformer is MulticlassPredictionTransformer<MaximumEntropyModelParameters> last => last.Model,
            _ => throw new InvalidOperationException($"Not a maximum-entropy classifier: {model.GetType().Name}."),
        };
        VBuffer<float>[] buffers = [];
        predictor.GetWeights(ref buffers, out var classes);
        return [.. buffers.Take(classes).Select(b => b.DenseValues().ToArray())];
    }
}
