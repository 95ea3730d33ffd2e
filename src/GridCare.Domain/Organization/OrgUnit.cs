namespace GridCare.Domain.Organization;

/// <summary>
/// One unit of the organisation tree. Every customer, network asset and work order belongs to exactly one unit,
/// and staff see their own unit and the units below it.
/// </summary>
public sealed class OrgUnit
{
    private OrgUnit()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public OrgUnitLevel Level { get; private set; }

    /// <summary>
    /// The bureau's short code in work order numbers (e.g. DF for 大方供电局 → DF20261127-000123); units without one
    /// use the nearest unit above that has one.
    /// </summary>
    public string? OrderPrefix { get; private set; }

    public int? ParentId { get; private set; }

    /// <summary>The unit directly above; set when created so a new tree can be saved at once.</summary>
    public OrgUnit? Parent { get; private set; }

    public static OrgUnit CreateRoot(string code, string name, OrgUnitLevel level)
    {
        DomainRuleException.ThrowIfBlank(code, nameof(code));
        DomainRuleException.ThrowIfBlank(name, nameof(name));
        return new OrgUnit { Code = code, Name = name, Level = level };
    }

    /// <summary>Creates a unit directly below <paramref name="parent"/>; a level may only sit below a higher level.</summary>
    public static OrgUnit CreateChild(OrgUnit parent, string code, string name, OrgUnitLevel level)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (level <= parent.Level)
        {
            throw new DomainRuleException($"A {level} cannot be placed below a {parent.Level}.");
        }

        var unit = CreateRoot(code, name, level);
        unit.Parent = parent;
        unit.ParentId = parent.Id;
        return unit;
    }

    public void SetOrderPrefix(string? prefix)
    {
        if (prefix is not null && (prefix.Length is < 1 or > 8 || !prefix.All(char.IsAsciiLetterUpper)))
        {
            throw new DomainRuleException($"An order prefix is 1 to 8 capital letters, not '{prefix}'.");
        }

        OrderPrefix = prefix;
    }

    public void Rename(string name)
    {
        DomainRuleException.ThrowIfBlank(name, nameof(name));
        Name = name;
    }

    /// <summary>Moves the unit below another parent, as an import does when the parent is known only by code.</summary>
    public void AttachTo(OrgUnit parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Level <= parent.Level)
        {
            throw new DomainRuleException($"A {Level} cannot be placed below a {parent.Level}.");
        }

        Parent = parent;
        ParentId = parent.Id;
    }
}
