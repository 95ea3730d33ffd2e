using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.Classification;

namespace GridCare.Features.Classification;

/// <summary>The classifier of customers' words: when to ask a person, input limits, and where the first model comes from.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "GridCare:Classifier";

    /// <summary>Below this probability of its answer the classifier marks a text <c>needsReview</c> (default 0.6).</summary>
    [Range(0.0, 1.0)]
    public double ReviewThreshold { get; set; } = 0.6;

    /// <summary>Longer texts are refused with 400 (default 10,000 characters); the model reads the first 1,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>Texts in one batch request (default 100).</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Train the default model from the corpus in the background at start when the data directory has none (default true).</summary>
    public bool TrainOnStart { get; set; } = true;

    /// <summary>The labelled corpus (TSV); unset: the corpus shipped inside GridCare (corpus/complaints.tsv).</summary>
    public string? CorpusPath { get; set; }

    /// <summary>The learner: <c>Lbfgs</c> (default) or <c>Sdca</c> maximum entropy.</summary>
    public ClassifierAlgorithm Algorithm { get; set; } = ClassifierAlgorithm.Lbfgs;

    /// <summary>How often an instance checks whether another process (<c>gridcare classify train</c>) activated a new model (default 30 s).</summary>
    [Range(1, 86_400)]
    public int ReloadSeconds { get; set; } = 30;
}
