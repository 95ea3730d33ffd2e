using GridCare.Analytics.Classification;
using GridCare.Platform;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Classification;

public sealed record ClassifyRequest(string? Text);

public sealed record ClassifyBatchRequest(IReadOnlyList<string?>? Texts);

public sealed record ClassificationFlagResponse(string Name, IReadOnlyList<string> Terms);

/// <summary>The classifier's answer; labels in camelCase as everywhere in the API (<c>repair</c>, <c>supplyQuality</c>).</summary>
public sealed record ClassificationResponse(
    string Type,
    string? ComplaintClass,
    double Confidence,
    bool NeedsReview,
    IReadOnlyList<ClassificationFlagResponse> Flags,
    IReadOnlyList<ExplanationTerm> Explanation,
    IReadOnlyDictionary<string, double> Probabilities,
    IReadOnlyDictionary<string, double> ComplaintClassProbabilities,
    string ModelVersion)
{
    public static ClassificationResponse From(ClassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ClassificationResponse(
            ApiEnums.Name(result.Type),
            result.ComplaintClass is { } c ? ApiEnums.Name(c) : null,
            result.Confidence,
            result.NeedsReview,
            [.. result.Flags.Select(f => new ClassificationFlagResponse(f.Name, f.Terms))],
            result.Explanation,
            result.TypeProbabilities.ToDictionary(p => ApiEnums.Name(p.Key), p => p.Value),
            result.ComplaintClassProbabilities.ToDictionary(p => ApiEnums.Name(p.Key), p => p.Value),
            result.ModelVersion);
    }
}

public sealed record ClassificationBatchResponse(IReadOnlyList<ClassificationResponse> Results, string ModelVersion);

public abstract record ClassifyResult
{
    public sealed record Classified(IReadOnlyList<ClassificationResult> Results) : ClassifyResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ClassifyResult;

    /// <summary>No model yet: the first start is still training it.</summary>
    public sealed record NoModel : ClassifyResult;
}

/// <summary>
/// Classifies one text or a batch. Empty texts and texts over <see cref="ClassifierOptions.MaxTextLength"/> are
/// refused naming the field (<c>text</c>, <c>texts[3]</c>); anything else gets an answer, however odd the text.
/// </summary>
public sealed class ClassifyText(ActiveClassifier active, IOptions<ClassifierOptions> options)
{
    public ClassifyResult Handle(IReadOnlyList<string?>? texts, string field, bool batch)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = options.Value.MaxTextLength;
        if (texts is null || texts.Count == 0)
        {
            errors[field] = [batch ? "texts needs at least one text." : "text is required."];
        }
        else if (texts.Count > options.Value.MaxBatchSize)
        {
            errors[field] = [$"At most {options.Value.MaxBatchSize} texts in one request."];
        }
        else
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var name = batch ? $"{field}[{i}]" : field;
                if (string.IsNullOrWhiteSpace(texts[i]))
                {
                    errors[name] = ["text is required and must not be blank."];
                }
                else if (texts[i]!.Length > limit)
                {
                    errors[name] = [$"text has {texts[i]!.Length} characters; at most {limit} are taken (the classifier reads the first {TextNormalizer.MaxChars})."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return new ClassifyResult.Invalid(errors);
        }

        var model = active.Current;
        if (model is null)
        {
            return new ClassifyResult.NoModel();
        }

        return new ClassifyResult.Classified([.. texts!.Select(t => model.Classify(t, active.ReviewThreshold))]);
    }
}
