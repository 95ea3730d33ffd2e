using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace GridCare.Analytics.ComplaintRisk;

/// <summary>One feature's share in a score: the key of <see cref="RiskFeature"/>, the subject's value, and how much it raised the score.</summary>
public sealed record RiskReason(string Feature, double Value, double Contribution);

/// <summary>A subject's probability of a complaint within the horizon, with the features that raised it most.</summary>
public sealed record RiskScore(RiskSubject Subject, double Probability, IReadOnlyList<RiskReason> Reasons);

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree) over <see cref="RiskFeature"/> vectors, calibrated to a probability, and
/// the per-score feature contributions of the trees as reasons. Absent features (NaN) are given to the trees as −1,
/// below every real value (all are counts, minutes, days or rates ≥ 0), so a split can set them apart; they are never
/// reported as reasons. One thread and a fixed seed: the same examples give the same model.
/// </summary>
public sealed class RiskModel
{
    public const int ReasonCount = 3;

    private const float Absent = -1;

    private readonly MLContext ml;
    private readonly ITransformer scorer;
    private readonly ITransformer contributions;
    private readonly int width;

    private RiskModel(MLContext ml, ITransformer scorer, ITransformer contributions, int width)
    {
        this.ml = ml;
        this.scorer = scorer;
        this.contributions = contributions;
        this.width = width;
    }

    /// <summary>Trains on examples (features, label); needs both labels among them.</summary>
    public static RiskModel Train(IReadOnlyList<(float[] Features, bool Label)> examples, RiskModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0 || examples.All(e => e.Label) || examples.All(e => !e.Label))
        {
            throw new InvalidOperationException("Training needs examples with and without a complaint.");
        }

        options ??= new RiskModelOptions();
        var width = examples[0].Features.Length;
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Features = Fill(e.Features), Label = e.Label }), Schema(width));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var model = trainer.Fit(data);
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: width, numberOfNegativeContributions: 0, normalize: false).Fit(model.Transform(data));
        return new RiskModel(ml, model, contributions, width);
    }

    /// <summary>Scores the subjects; <paramref name="features"/> are their vectors in the same order.</summary>
    public IReadOnlyList<RiskScore> Score(IReadOnlyList<RiskSubject> subjects, IReadOnlyList<float[]> features, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(names);
        var data = ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = Fill(f) }), Schema(width));
        var scored = contributions.Transform(scorer.Transform(data));
        var outputSchema = SchemaDefinition.Create(typeof(Scored), SchemaDefinition.Direction.Read);
        outputSchema[nameof(Scored.FeatureContributions)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var rows = ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false, schemaDefinition: outputSchema).ToList();
        return [.. rows.Select((row, i) => new RiskScore(subjects[i], row.Probability, Reasons(features[i], row.FeatureContributions, names)))];
    }

    private static List<RiskReason> Reasons(float[] values, float[] contribution, IReadOnlyList<string> names) =>
        [.. contribution
            .Select((c, i) => (c, i))
            .Where(x => x.c > 0 && !float.IsNaN(values[x.i]))
            .OrderByDescending(x => x.c)
            .ThenBy(x => x.i)
            .Take(ReasonCount)
            .Select(x => new RiskReason(names[x.i], Math.Round(values[x.i], 3), Math.Round(x.c, 4)))];

    private static float[] Fill(float[] features) => [.. features.Select(f => float.IsNaN(f) ? Absent : f)];

    private static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    internal sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class Scored
    {
        public float Probability { get; set; }

        public float[] FeatureContributions { get; set; } = [];
    }
}

/// <summary>The trees' settings; the defaults suit a county's customers over a year of months.</summary>
public sealed record RiskModelOptions
{
    public int Trees { get; init; } = 100;

    public int Leaves { get; init; } = 16;

    public int MinimumExamplesPerLeaf { get; init; } = 20;

    public double LearningRate { get; init; } = 0.1;

    public int Seed { get; init; } = 1;
}
