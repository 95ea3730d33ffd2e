using GridCare.Domain.WorkOrders;

namespace GridCare.Analytics.Classification;

/// <summary>A feature of the text that pushed the decision, and by how much (its share of the winning score).</summary>
public sealed record ExplanationTerm(string Term, double Weight);

/// <summary>
/// The model's reading of one text: the type, the complaint class for a complaint, the probability of that answer,
/// whether a person should decide (confidence below the threshold), the flags, the features behind the decision and
/// every type's and class's probability.
/// </summary>
public sealed record ClassificationResult(
    WorkOrderType Type,
    ComplaintClass? ComplaintClass,
    double Confidence,
    bool NeedsReview,
    IReadOnlyList<ClassificationFlag> Flags,
    IReadOnlyList<ExplanationTerm> Explanation,
    IReadOnlyDictionary<WorkOrderType, double> TypeProbabilities,
    IReadOnlyDictionary<ComplaintClass, double> ComplaintClassProbabilities,
    string ModelVersion);
