using GridCare.Domain.RoutingRules;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.RoutingRules;

public sealed record RoutingRuleResponse(
    int Id,
    int OrgUnitId,
    string? OrgUnitName,
    WorkOrderType Type,
    ComplaintClass? ComplaintClass,
    WorkOrderPriority? Priority,
    string Team,
    bool Enabled);

public sealed record RoutingRuleChangeResponse(long Id, int RuleId, int OrgUnitId, DateTime At, string Actor, RoutingRuleChangeAction Action, string Detail);

public sealed record RoutingRuleDetail(RoutingRuleResponse Rule, IReadOnlyList<RoutingRuleChangeResponse> History);

public static class RoutingRuleResponses
{
    public static RoutingRuleResponse ToResponse(this RoutingRule rule, string? orgUnitName)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RoutingRuleResponse(rule.Id, rule.OrgUnitId, orgUnitName, rule.Type, rule.ComplaintClass, rule.Priority, rule.Team, rule.IsEnabled);
    }

    public static RoutingRuleChangeResponse ToResponse(this RoutingRuleChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new RoutingRuleChangeResponse(change.Id, change.RuleId, change.OrgUnitId, change.At, change.Actor, change.Action, change.Detail);
    }

    /// <summary>The rule as one line of the audit history.</summary>
    public static string Describe(RoutingRuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"orgUnit={rule.OrgUnitId}, type={rule.Type}, complaintClass={rule.ComplaintClass?.ToString() ?? "any"}, "
            + $"priority={rule.Priority?.ToString() ?? "any"}, team={rule.Team}, enabled={rule.IsEnabled}";
    }

    /// <summary>What an edit changed, field by field.</summary>
    public static string Difference(RoutingRuleDefinition before, RoutingRuleDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        void Compare(string name, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                parts.Add($"{name}: {from?.ToString() ?? "any"} → {to?.ToString() ?? "any"}");
            }
        }

        Compare("orgUnit", before.OrgUnitId, after.OrgUnitId);
        Compare("type", before.Type, after.Type);
        Compare("complaintClass", before.ComplaintClass, after.ComplaintClass);
        Compare("priority", before.Priority, after.Priority);
        Compare("team", before.Team, after.Team);
        Compare("enabled", before.IsEnabled, after.IsEnabled);
        return string.Join("; ", parts);
    }
}
