using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Sla;

/// <summary>
/// The facts of a work order that SLA policies select on. The area type is null until the order is tied to a
/// customer or a place (an anonymous call about a fallen line).
/// </summary>
public sealed record SlaSubject(
    WorkOrderType Type,
    AreaType? AreaType,
    Channel Channel,
    ComplaintClass? ComplaintClass = null,
    ServiceApplicationKind? ServiceApplication = null,
    bool ImportantCustomer = false,
    bool SensitiveCustomer = false);
