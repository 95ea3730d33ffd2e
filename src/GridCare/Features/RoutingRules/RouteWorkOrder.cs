using GridCare.Domain.RoutingRules;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;

namespace GridCare.Features.RoutingRules;

/// <summary>
/// Routes a just-received order (intake calls it before saving): the order stays with its unit — the supply station
/// of the customer's network area, as intake files it — and goes to the team of the rule that fits it best. Without a
/// rule it stays Received, for a dispatcher.
/// </summary>
public sealed class RouteWorkOrder(RoutingRuleSet rules, StaffScopeResolver scopes)
{
    /// <returns>The rule that routed the order, or null.</returns>
    public async Task<RoutingRule?> HandleAsync(WorkOrder order, ChangeContext intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intake);
        if (order.Status != WorkOrderStatus.Received)
        {
            return null;
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        var path = tree.PathTo(order.OrgUnitId).Select(u => u.Id).Reverse().ToList();
        var rule = RoutingRule.Choose(await rules.CurrentAsync(cancellationToken), path, order.Type, order.ComplaintClass, order.Priority);
        if (rule is null)
        {
            return null;
        }

        if (order.Route(rule, intake with { Actor = WorkOrder.RoutingActor, Channel = null }) is { } refused)
        {
            throw new InvalidOperationException($"A received order refused routing: {refused.Message}");
        }

        return rule;
    }
}
