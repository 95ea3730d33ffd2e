namespace GridCare.Domain.Network;

/// <summary>
/// One node of the distribution network tree: substation → 10 kV feeder → switches/branches → distribution
/// transformer → meter → service point. A single node type keeps tracing up and down the tree one query shape,
/// whatever the depth of branching on a feeder.
/// </summary>
public sealed class NetworkDevice
{
    private NetworkDevice()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public long Id { get; private set; }

    public DeviceKind Kind { get; private set; }

    /// <summary>The asset code; for a meter this is the meter number (表号).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public long? ParentId { get; private set; }

    /// <summary>The device directly upstream; set when created so a whole new tree can be saved at once.</summary>
    public NetworkDevice? Parent { get; private set; }

    public AreaType AreaType { get; private set; }

    /// <summary>The org unit that operates the device (a county bureau for substations, a supply station below).</summary>
    public int OrgUnitId { get; private set; }

    /// <summary>Rated capacity in kVA; transformers only.</summary>
    public int? RatedKva { get; private set; }

    /// <summary>Nominal voltage in kV; substations (primary side) and feeders.</summary>
    public double? VoltageKv { get; private set; }

    /// <summary>Whether a switch is closed in its normal state; switches only.</summary>
    public bool? IsClosed { get; private set; }

    /// <summary>CT ratio of a meter (1 for direct-connected meters); meters only.</summary>
    public int? CtRatio { get; private set; }

    /// <summary>Number of phases of a meter (1 or 3); meters only.</summary>
    public int? Phases { get; private set; }

    public static NetworkDevice Substation(string code, string name, double voltageKv, AreaType areaType, int orgUnitId)
    {
        RequirePositive(voltageKv, nameof(voltageKv));
        var device = Create(DeviceKind.Substation, code, name, parent: null, areaType, orgUnitId);
        device.VoltageKv = voltageKv;
        return device;
    }

    public static NetworkDevice Feeder(NetworkDevice substation, string code, string name, AreaType areaType, int orgUnitId, double voltageKv = 10)
    {
        RequirePositive(voltageKv, nameof(voltageKv));
        var device = Create(DeviceKind.Feeder, code, name, substation, areaType, orgUnitId);
        device.VoltageKv = voltageKv;
        return device;
    }

    public static NetworkDevice Switch(NetworkDevice feederOrSwitch, string code, string name, AreaType areaType, int orgUnitId, bool isClosed = true)
    {
        var device = Create(DeviceKind.Switch, code, name, feederOrSwitch, areaType, orgUnitId);
        device.IsClosed = isClosed;
        return device;
    }

    public static NetworkDevice Transformer(NetworkDevice feederOrSwitch, string code, string name, int ratedKva, AreaType areaType, int orgUnitId)
    {
        RequirePositive(ratedKva, nameof(ratedKva));
        var device = Create(DeviceKind.Transformer, code, name, feederOrSwitch, areaType, orgUnitId);
        device.RatedKva = ratedKva;
        return device;
    }

    public static NetworkDevice Meter(NetworkDevice transformer, string meterNumber, int phases = 1, int ctRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (phases is not (1 or 3))
        {
            throw new DomainRuleException("A meter has 1 or 3 phases.");
        }

        RequirePositive(ctRatio, nameof(ctRatio));
        var device = Create(DeviceKind.Meter, meterNumber, meterNumber, transformer, transformer.AreaType, transformer.OrgUnitId);
        device.Phases = phases;
        device.CtRatio = ctRatio;
        return device;
    }

    public static NetworkDevice ServicePoint(NetworkDevice meter, string code, string address)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return Create(DeviceKind.ServicePoint, code, address, meter, meter.AreaType, meter.OrgUnitId);
    }

    /// <summary>Which kinds may sit directly above a device of the given kind.</summary>
    public static bool CanBeChildOf(DeviceKind child, DeviceKind? parent) => (child, parent) switch
    {
        (DeviceKind.Substation, null) => true,
        (DeviceKind.Feeder, DeviceKind.Substation) => true,
        (DeviceKind.Switch, DeviceKind.Feeder or DeviceKind.Switch) => true,
        (DeviceKind.Transformer, DeviceKind.Feeder or DeviceKind.Switch) => true,
        (DeviceKind.Meter, DeviceKind.Transformer) => true,
        (DeviceKind.ServicePoint, DeviceKind.Meter) => true,
        _ => false,
    };

    /// <summary>
    /// Updates the descriptive attributes an asset register import may change; the kind and the code never change,
    /// and a move to another parent must keep the tree valid.
    /// </summary>
    public void Update(string name, NetworkDevice? parent, AreaType areaType, int orgUnitId, int? ratedKva, double? voltageKv, bool? isClosed)
    {
        DomainRuleException.ThrowIfBlank(name, nameof(name));
        if (!CanBeChildOf(Kind, parent?.Kind))
        {
            throw new DomainRuleException($"A {Kind} cannot be placed below {(parent is null ? "nothing" : parent.Kind.ToString())}.");
        }

        if (Kind == DeviceKind.Transformer)
        {
            RequirePositive(ratedKva ?? 0, nameof(ratedKva));
        }

        Name = name;
        Parent = parent;
        ParentId = parent?.Id;
        AreaType = areaType;
        OrgUnitId = orgUnitId;
        RatedKva = Kind == DeviceKind.Transformer ? ratedKva : null;
        VoltageKv = Kind is DeviceKind.Substation or DeviceKind.Feeder ? voltageKv : null;
        IsClosed = Kind == DeviceKind.Switch ? isClosed ?? true : null;
    }

    private static NetworkDevice Create(DeviceKind kind, string code, string name, NetworkDevice? parent, AreaType areaType, int orgUnitId)
    {
        DomainRuleException.ThrowIfBlank(code, nameof(code));
        DomainRuleException.ThrowIfBlank(name, nameof(name));
        if (!CanBeChildOf(kind, parent?.Kind))
        {
            throw new DomainRuleException($"A {kind} cannot be placed below {(parent is null ? "nothing" : parent.Kind.ToString())}.");
        }

        return new NetworkDevice
        {
            Kind = kind,
            Code = code,
            Name = name,
            Parent = parent,
            ParentId = parent?.Id,
            AreaType = areaType,
            OrgUnitId = orgUnitId,
        };
    }


    private static void RequirePositive(double value, string name)
    {
        if (value <= 0)
        {
            throw new DomainRuleException($"{name} must be positive.");
        }
    }
}
