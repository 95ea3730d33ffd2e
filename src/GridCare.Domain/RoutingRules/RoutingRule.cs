using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.RoutingRules;

/// <summary>
/// Where new orders of one kind go: orders of <see cref="OrgUnitId"/> (a supply station, or a bureau and every unit
/// below it) of <see cref="Type"/> — optionally only of one complaint class or priority — are dispatched to
/// <see cref="Team"/> as they are taken in. Administrators and supervisors of the unit maintain them as data.
/// </summary>
public sealed class RoutingRule
{
    /// <summary>The longest team name an order carries.</summary>
    public const int MaxTeamLength = 64;

    private RoutingRule()
    {
        Team = string.Empty;
    }

    public int Id { get; private set; }

    public int OrgUnitId { get; private set; }

    public WorkOrderType Type { get; private set; }

    /// <summary>Complaints only; null matches every class.</summary>
    public ComplaintClass? ComplaintClass { get; private set; }

    /// <summary>Null matches every priority.</summary>
    public WorkOrderPriority? Priority { get; private set; }

    public string Team { get; private set; }

    /// <summary>A disabled rule is kept with its history but routes nothing.</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>How many optional criteria the rule sets; a rule that says more about the order wins.</summary>
    public int Specificity => (ComplaintClass is null ? 0 : 1) + (Priority is null ? 0 : 1);

    public static RoutingRule Create(RoutingRuleDefinition definition)
    {
        var rule = new RoutingRule();
        rule.Change(definition);
        return rule;
    }

    /// <summary>Takes every field of <paramref name="definition"/>; false when nothing changed.</summary>
    public bool Change(RoutingRuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        DomainRuleException.ThrowIfBlank(definition.Team, "team");
        if (definition.Team.Trim().Length > MaxTeamLength)
        {
            throw new DomainRuleException($"A team name has at most {MaxTeamLength} characters.");
        }

        if (definition.ComplaintClass is not null && definition.Type != WorkOrderType.Complaint)
        {
            throw new DomainRuleException($"A {definition.Type} rule has no complaint class.");
        }

        var before = Definition;
        OrgUnitId = definition.OrgUnitId;
        Type = definition.Type;
        ComplaintClass = definition.ComplaintClass;
        Priority = definition.Priority;
        Team = definition.Team.Trim();
        IsEnabled = definition.IsEnabled;
        return before != Definition;
    }

    public RoutingRuleDefinition Definition => new(OrgUnitId, Type, ComplaintClass, Priority, Team, IsEnabled);

    /// <summary>Whether the rule would take an order of these facts; the unit is matched by <see cref="Choose"/>.</summary>
    public bool Matches(WorkOrderType type, ComplaintClass? complaintClass, WorkOrderPriority priority) =>
        IsEnabled
        && Type == type
        && (ComplaintClass is null || ComplaintClass == complaintClass)
        && (Priority is null || Priority == priority);

    /// <summary>
    /// Chooses the rule for a new order. A rule applies to orders of its unit and of every unit below it. Among the
    /// enabled rules that match, the one that says most about the order wins (complaint class and priority), then the
    /// one nearest to the order's unit (a station's own rule before its bureau's), then the oldest — so a bureau can
    /// send urgent repairs of all its stations to one emergency team while each station keeps its own repair crew.
    /// </summary>
    /// <param name="rules">The rules to choose from (any units; those off the order's path are ignored).</param>
    /// <param name="unitPath">The order's unit and the units above it, nearest first.</param>
    /// <param name="type">The order's type.</param>
    /// <param name="complaintClass">The order's complaint class, for complaints.</param>
    /// <param name="priority">The order's priority.</param>
    public static RoutingRule? Choose(
        IEnumerable<RoutingRule> rules, IReadOnlyList<int> unitPath, WorkOrderType type, ComplaintClass? complaintClass, WorkOrderPriority priority)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(unitPath);
        return rules
            .Where(r => r.Matches(type, complaintClass, priority))
            .Select(r => (Rule: r, Distance: IndexOf(unitPath, r.OrgUnitId)))
            .Where(c => c.Distance >= 0)
            .OrderByDescending(c => c.Rule.Specificity)
            .ThenByDescending(c => c.Rule.ComplaintClass is not null)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.Rule.Id)
            .Select(c => c.Rule)
            .FirstOrDefault();
    }

    private static int IndexOf(IReadOnlyList<int> path, int unitId)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] == unitId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether another rule takes exactly the same orders, which would leave the choice between them arbitrary.</summary>
    public bool HasSameCriteria(RoutingRuleDefinition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return OrgUnitId == other.OrgUnitId && Type == other.Type && ComplaintClass == other.ComplaintClass && Priority == other.Priority;
    }
}

/// <summary>What a routing rule says, as created or edited.</summary>
public sealed record RoutingRuleDefinition(
    int OrgUnitId, WorkOrderType Type, ComplaintClass? ComplaintClass, WorkOrderPriority? Priority, string Team, bool IsEnabled = true);
