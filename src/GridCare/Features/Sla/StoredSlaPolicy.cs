using GridCare.Domain;
using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Sla;

/// <summary>
/// An SLA policy as administrators keep it: the domain <see cref="SlaPolicy"/> plus whether it is in force, its
/// version and who changed it last. It is only ever filled from a valid <see cref="SlaPolicy"/>, so every stored row
/// can be turned back into one. Disabled policies stay: the audit and the orders timed by them refer to them.
/// </summary>
public sealed class StoredSlaPolicy
{
    private readonly List<SlaTarget> targets = [];

    private StoredSlaPolicy()
    {
        Name = string.Empty;
        EnglishName = string.Empty;
        CreatedBy = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string EnglishName { get; private set; }

    public int Order { get; private set; }

    public bool IsEnabled { get; private set; }

    public WorkOrderType? Type { get; private set; }

    public ComplaintClass? ComplaintClass { get; private set; }

    public ServiceApplicationKind? ServiceApplication { get; private set; }

    public AreaType? AreaType { get; private set; }

    public bool? ImportantCustomer { get; private set; }

    public bool? SensitiveCustomer { get; private set; }

    public Channel? Channel { get; private set; }

    public IReadOnlyList<SlaTarget> Targets => targets;

    /// <summary>Goes up by one with every change; an edit must name the version it was made on.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public SlaCondition Condition => new(Type, ComplaintClass, ServiceApplication, AreaType, ImportantCustomer, SensitiveCustomer, Channel);

    public static StoredSlaPolicy Create(SlaPolicy policy, bool enabled, string actor, DateTime atUtc)
    {
        var stored = new StoredSlaPolicy { CreatedAt = atUtc, CreatedBy = actor, Version = 1 };
        stored.Take(policy, enabled, actor, atUtc);
        return stored;
    }

    /// <summary>Takes the policy's definition and state; false, with nothing changed, when they are already the same.</summary>
    public bool Change(SlaPolicy policy, bool enabled, string actor, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var current = ToPolicy();
        if (enabled == IsEnabled && current.Name == policy.Name && current.EnglishName == policy.EnglishName && current.Order == policy.Order
            && current.Condition == policy.Condition && current.Targets.SequenceEqual(policy.Targets))
        {
            return false;
        }

        Take(policy, enabled, actor, atUtc);
        Version++;
        return true;
    }

    public SlaPolicy ToPolicy() => SlaPolicy.Create(Name, EnglishName, Order, Condition, targets);

    private void Take(SlaPolicy policy, bool enabled, string actor, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DomainRuleException.ThrowIfBlank(actor, nameof(actor));
        var condition = policy.Condition ?? new SlaCondition();
        Name = policy.Name;
        EnglishName = policy.EnglishName;
        Order = policy.Order;
        IsEnabled = enabled;
        Type = condition.Type;
        ComplaintClass = condition.ComplaintClass;
        ServiceApplication = condition.ServiceApplication;
        AreaType = condition.AreaType;
        ImportantCustomer = condition.ImportantCustomer;
        SensitiveCustomer = condition.SensitiveCustomer;
        Channel = condition.Channel;
        targets.Clear();
        targets.AddRange(policy.Targets);
        UpdatedAt = atUtc;
        UpdatedBy = actor;
    }
}
