using GridCare.Domain.Network;

namespace GridCare.Domain.WorkOrders;

/// <summary>
/// The facts of a first contact. Without a <see cref="Customer"/> the order is unidentified and keeps the
/// <see cref="CandidateCustomerIds"/> (accounts whose phone matched) for an agent to choose from.
/// </summary>
public sealed record WorkOrderIntake(
    string Number,
    WorkOrderType Type,
    Channel Channel,
    DateTime ReceivedAtUtc,
    int OrgUnitId,
    string Actor,
    string Text)
{
    public ComplaintClass? ComplaintClass { get; init; }

    public ServiceApplicationKind? ServiceApplication { get; init; }

    public CustomerFacts? Customer { get; init; }

    public IReadOnlyList<long> CandidateCustomerIds { get; init; } = [];

    /// <summary>The area of the reported place when there is no customer yet (a fallen line seen by a passer-by).</summary>
    public AreaType? AreaType { get; init; }

    public WorkOrderPriority Priority { get; init; }

    /// <summary>The channel's own message id, unique per channel, so a retried message is not taken in twice.</summary>
    public string? ExternalId { get; init; }
}
