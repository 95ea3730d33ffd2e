using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Sla;

/// <summary>
/// Which work orders a policy applies to. Every criterion is optional and null means any value; a criterion that is
/// set only matches an order that has that value, so a policy for urban repairs does not match a repair whose area is
/// not known yet.
/// </summary>
public sealed record SlaCondition(
    WorkOrderType? Type = null,
    ComplaintClass? ComplaintClass = null,
    ServiceApplicationKind? ServiceApplication = null,
    AreaType? AreaType = null,
    bool? ImportantCustomer = null,
    bool? SensitiveCustomer = null,
    Channel? Channel = null)
{
    /// <summary>Whether the condition constrains nothing, which makes its policy a fallback.</summary>
    public bool IsEmpty => this == new SlaCondition();

    /// <summary>
    /// How many criteria are set: the more, the narrower the set of orders, and the narrower policy wins
    /// (<see cref="SlaPolicy.BestMatch"/>). Every criterion counts the same, so the rule is one an administrator can
    /// apply by hand: "urban repairs" (2) beats "repairs" (1), which beats the fallback (0).
    /// </summary>
    public int Specificity =>
        (Type is null ? 0 : 1)
        + (ComplaintClass is null ? 0 : 1)
        + (ServiceApplication is null ? 0 : 1)
        + (AreaType is null ? 0 : 1)
        + (ImportantCustomer is null ? 0 : 1)
        + (SensitiveCustomer is null ? 0 : 1)
        + (Channel is null ? 0 : 1);

    public bool Matches(SlaSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return (Type is null || Type == subject.Type)
            && (ComplaintClass is null || ComplaintClass == subject.ComplaintClass)
            && (ServiceApplication is null || ServiceApplication == subject.ServiceApplication)
            && (AreaType is null || AreaType == subject.AreaType)
            && (ImportantCustomer is null || ImportantCustomer == subject.ImportantCustomer)
            && (SensitiveCustomer is null || SensitiveCustomer == subject.SensitiveCustomer)
            && (Channel is null || Channel == subject.Channel);
    }
}
