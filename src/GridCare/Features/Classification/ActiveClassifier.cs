using GridCare.Analytics.Classification;
using GridCare.Platform;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Classification;

/// <summary>
/// The model this instance classifies with: loaded once from <c>models/classifier/</c> of the data directory and
/// swapped (one reference write) when a newer version is activated, here or by another process.
/// </summary>
public sealed class ActiveClassifier(IOptions<GridCareOptions> gridCare, IOptions<ClassifierOptions> options)
{
    private TextClassifier? current;

    public ClassifierModelStore Store { get; } = new(gridCare.Value.PathInData("models", "classifier"));

    public TextClassifier? Current => Volatile.Read(ref current);

    public double ReviewThreshold => options.Value.ReviewThreshold;

    /// <summary>The model's reading of a text, or null while there is no model yet.</summary>
    public ClassificationResult? Classify(string? text) => Current?.Classify(text, options.Value.ReviewThreshold);

    public void Use(TextClassifier classifier) => Volatile.Write(ref current, classifier);

    /// <summary>Loads the version the store names as active when it is not the one in use; true when it changed.</summary>
    public bool ReloadIfChanged()
    {
        var version = Store.ActiveVersion();
        if (version is null || version == Current?.Version)
        {
            return false;
        }

        Use(Store.Load(version));
        return true;
    }
}
