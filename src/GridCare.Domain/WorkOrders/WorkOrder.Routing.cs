using GridCare.Domain.RoutingRules;

namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>Who dispatches an order when a routing rule does it at intake.</summary>
    public const string RoutingActor = "routing";

    /// <summary>
    /// Dispatches a just-received order to the team of <paramref name="rule"/>, within the order's own unit (the
    /// customer's supply station). The history names the rule, so a dispatcher sees why the order went where it did
    /// and can still re-route it.
    /// </summary>
    public WorkOrderError? Route(RoutingRule rule, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.Matches(Type, ComplaintClass, Priority))
        {
            throw new DomainRuleException($"Routing rule {rule.Id} does not take a {Type} order.");
        }

        return Move(WorkOrderAction.Dispatch, WorkOrderStatus.Dispatched, context, () =>
        {
            Team = rule.Team;
            DispatchedAt ??= context.AtUtc;
            var criteria = string.Join(", ", new[] { rule.Type.ToString(), rule.ComplaintClass?.ToString(), rule.Priority?.ToString() }.OfType<string>());
            return $"Routed by rule {rule.Id} (org unit {rule.OrgUnitId}: {criteria} → {rule.Team})";
        });
    }
}
