using Microsoft.ML;
using Microsoft.ML.Data;

namespace GridCare.Analytics.Classification;

/// <summary>One text as ML.NET sees it: a key label (its position in <see cref="ClassLabel.All"/>: ML.NET shifts the key values of a loaded class by one itself) and its TF-IDF vector.</summary>
internal sealed class FeatureRow
{
    public uint Label { get; set; }

    public VBuffer<float> Features { get; set; }

    /// <summary>The vector size and the label count are known only at run time; ML.NET takes them from this schema.</summary>
    public static SchemaDefinition Schema(int features)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        schema[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), ClassLabel.All.Count);
        return schema;
    }
}

/// <summary>The model's output: one probability per label, in the order of <see cref="ClassLabel.All"/>.</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}

/// <summary>One context for the classifier: ML.NET's components are registered on it once.</summary>
internal static class Ml
{
    public static MLContext Create() => new(seed: TrainingSplit.DefaultSeed);
}
