using GridCare.Domain.WorkOrders;

namespace GridCare.Analytics.Classification;

/// <summary>A customer's words with the type (and, for a complaint, the class) a person gave them.</summary>
public sealed record LabelledText(string Text, WorkOrderType Type, ComplaintClass? ComplaintClass)
{
    public ClassLabel Label => ClassLabel.Of(Type, ComplaintClass);
}
