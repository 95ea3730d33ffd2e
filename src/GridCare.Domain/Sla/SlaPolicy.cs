namespace GridCare.Domain.Sla;

/// <summary>
/// An SLA policy as in Zammad: a condition that selects work orders and the time limits that apply to them, counted
/// on the business calendar of the <see cref="SlaClock"/>. Of the policies whose condition matches an order, the most
/// specific one wins (<see cref="BestMatch"/>); a policy without a condition is the fallback.
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

    /// <summary>Breaks ties between matching policies that are equally specific: lower wins.</summary>
    public int Order { get; private set; }

    /// <summary>Null for the fallback policy.</summary>
    public SlaCondition? Condition { get; private set; }

    public IReadOnlyList<SlaTarget> Targets => targets;

    public bool IsFallback => Condition is null;

    /// <summary>The number of criteria the condition sets; 0 for the fallback.</summary>
    public int Specificity => Condition?.Specificity ?? 0;

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

    /// <summary>
    /// The policy that applies to a work order. Precedence, in this order:
    /// <list type="number">
    /// <item>only policies whose condition matches the order count; a fallback (no condition) matches every order;</item>
    /// <item>the policy whose condition sets more criteria wins (<see cref="SlaCondition.Specificity"/>), so a
    /// policy for sensitive customers' complaints beats the one for all complaints whatever their orders;</item>
    /// <item>among equally specific ones the lower <see cref="Order"/> wins (an administrator decides whether a
    /// 12398 transfer or a sensitive customer weighs more);</item>
    /// <item>then the name, ordinally, so the choice never depends on the order the policies were loaded in.</item>
    /// </list>
    /// </summary>
    public static SlaPolicy? BestMatch(IEnumerable<SlaPolicy> policies, SlaSubject subject)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(subject);
        return policies
            .Where(p => p.Matches(subject))
            .OrderByDescending(p => p.Specificity)
            .ThenBy(p => p.Order)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The policies in the order <see cref="BestMatch"/> prefers them, for lists shown to administrators.</summary>
    public static IEnumerable<SlaPolicy> InPrecedence(IEnumerable<SlaPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return policies.OrderByDescending(p => p.Specificity).ThenBy(p => p.Order).ThenBy(p => p.Name, StringComparer.Ordinal);
    }

    public bool Matches(SlaSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Condition is null || Condition.Matches(subject);
    }

    public SlaTarget? Target(SlaTargetKind kind) => targets.Find(t => t.Kind == kind);
}
