namespace GridCare.Features.RoutingRules;

public enum RoutingRuleChangeAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One edit of a routing rule: who, when, and what it said before and after. Kept when the rule is deleted, so the
/// reason an old order went to a team can still be traced.
/// </summary>
public sealed class RoutingRuleChange
{
    private RoutingRuleChange()
    {
        Actor = string.Empty;
        Detail = string.Empty;
    }

    public long Id { get; private set; }

    public int RuleId { get; private set; }

    /// <summary>The rule's unit after the change, so a unit's supervisors see the edits of their rules.</summary>
    public int OrgUnitId { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; }

    public RoutingRuleChangeAction Action { get; private set; }

    public string Detail { get; private set; }

    public static RoutingRuleChange Record(int ruleId, int orgUnitId, DateTime atUtc, string actor, RoutingRuleChangeAction action, string detail) =>
        new() { RuleId = ruleId, OrgUnitId = orgUnitId, At = atUtc, Actor = actor, Action = action, Detail = detail };
}
