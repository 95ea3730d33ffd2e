namespace GridCare.Domain.Sla;

/// <summary>
/// An SLA policy as in Zammad: a condition that selects work orders and the time limits that apply to them, counted
/// on the business calendar of the <see cref="SlaClock"/>. Policies with a condition are tried in <see cref="Order"/>
/// and the first that matches wins; a policy without a condition is the fallback, tried only after all the others,
/// whatever its order.
/// </summary>
public sealed class SlaPolicy
{
    private readonly List<SlaTarget> targets = [];

    private SlaPolicy()
    {
        Name = string.Empty;
        EnglishName = string.Empty;
    }

    /// <summary>The name staff see, in Chinese.</summary>
    public string Name { get; private set; }

    public string EnglishName { get; private set; }

    /// <summary>Lower is tried first.</summary>
    public int Order { get; private set; }

    /// <summary>Null for the fallback policy.</summary>
    public SlaCondition? Condition { get; private set; }

    public IReadOnlyList<SlaTarget> Targets => targets;

    public bool IsFallback => Condition is null;

    /// <summary>Creates a policy; a condition that constrains nothing is stored as none, making the policy a fallback.</summary>
    public static SlaPolicy Create(string name, string englishName, int order, SlaCondition? condition, IEnumerable<SlaTarget> targets)
    {
        DomainRuleException.ThrowIfBlank(name, nameof(name));
        DomainRuleException.ThrowIfBlank(englishName, nameof(englishName));
        ArgumentNullException.ThrowIfNull(targets);
        var policy = new SlaPolicy
        {
            Name = name,
            EnglishName = englishName,
            Order = order,
            Condition = condition is null || condition.IsEmpty ? null : condition,
        };
        foreach (var target in targets)
        {
            ArgumentNullException.ThrowIfNull(target);
            if (policy.Target(target.Kind) is not null)
            {
                throw new DomainRuleException($"Policy {englishName} has two {target.Kind} targets.");
            }

            policy.targets.Add(target);
        }

        if (policy.targets.Count == 0)
        {
            throw new DomainRuleException($"Policy {englishName} has no targets.");
        }

        return policy;
    }

    /// <summary>The policy that applies to a work order: the first matching conditional policy, else the fallback.</summary>
    public static SlaPolicy? FirstMatch(IEnumerable<SlaPolicy> policies, SlaSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(subject);
        var ordered = policies.OrderBy(p => p.IsFallback).ThenBy(p => p.Order);
        return ordered.FirstOrDefault(p => p.Matches(subject));
    }

    public bool Matches(SlaSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Condition is null || Condition.Matches(subject);
    }

    public SlaTarget? Target(SlaTargetKind kind) => targets.Find(t => t.Kind == kind);
}
