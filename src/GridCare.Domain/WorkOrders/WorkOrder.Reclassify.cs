using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// An agent reads the customer's words differently: the order becomes another type (and complaint class or
    /// service application kind). Allowed until the order is resolved. The SLA targets not yet met follow the policy
    /// matching the new type — a repair turned complaint gets the complaint's reply deadline. A paused clock stays paused.
    /// No change (null, no history row) when type, class and kind are already these.
    /// </summary>
    public WorkOrderError? Reclassify(
        WorkOrderType type, ComplaintClass? complaintClass, ServiceApplicationKind? application, IEnumerable<SlaPolicy> policies, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Require(context);
        if (!Allows(WorkOrderAction.Reclassify))
        {
            return WorkOrderError.Illegal(WorkOrderAction.Reclassify, this);
        }

        if (CheckClassification(type, complaintClass, application) is { } invalid)
        {
            return invalid;
        }

        if (type == Type && complaintClass == ComplaintClass && application == ServiceApplication)
        {
            return null;
        }

        var before = Describe(Type, ComplaintClass, ServiceApplication);
        Type = type;
        ComplaintClass = complaintClass;
        ServiceApplication = application;
        var moved = RepickPolicy(policies, context.Clock);
        moved.Insert(0, $"{before} → {Describe(type, complaintClass, application)}");
        history.Add(new WorkOrderChange(context.AtUtc, context.Actor, context.Channel, WorkOrderAction.Reclassify, Status, Status, string.Join("; ", moved)));
        return null;

        static string Describe(WorkOrderType type, ComplaintClass? complaintClass, ServiceApplicationKind? application) =>
            type + (complaintClass is { } c ? $"/{c}" : string.Empty) + (application is { } a ? $"/{a}" : string.Empty);
    }
}
