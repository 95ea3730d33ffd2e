using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Classification;

/// <summary>Where an agent overruled the classifier.</summary>
public enum CorrectionSource
{
    /// <summary>At intake: the contact was taken in with another type or class than suggested.</summary>
    Intake,

    /// <summary>Later: an agent reclassified the work order.</summary>
    WorkOrder,
}

/// <summary>
/// A person's answer where the classifier's differed: the customer's words, what the model suggested, what the
/// agent chose, who and when. <c>gridcare classify train</c> learns from these beside the corpus.
/// </summary>
public sealed class ClassificationCorrection
{
    public const int TextMaxLength = 2000;

    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public CorrectionSource Source { get; set; }

    public string? WorkOrderNumber { get; set; }

    public int OrgUnitId { get; set; }

    public string Text { get; set; } = string.Empty;

    public WorkOrderType SuggestedType { get; set; }

    public ComplaintClass? SuggestedComplaintClass { get; set; }

    public WorkOrderType ChosenType { get; set; }

    public ComplaintClass? ChosenComplaintClass { get; set; }

    public string ModelVersion { get; set; } = string.Empty;

    public string Actor { get; set; } = string.Empty;
}
