using GridCare.Domain.Sla;

namespace GridCare.Domain.Outages;

/// <summary>What an event or call says about supply at one device.</summary>
public enum SignalKind
{
    /// <summary>A meter's last gasp (停电事件).</summary>
    PowerOff,

    /// <summary>A meter powered up again (上电事件).</summary>
    PowerOn,

    /// <summary>A transformer terminal lost voltage.</summary>
    VoltageLoss,

    /// <summary>A transformer terminal has voltage again.</summary>
    VoltageRestored,

    /// <summary>A feeder breaker or switch tripped (SCADA / distribution automation).</summary>
    Trip,

    /// <summary>A breaker or switch closed again.</summary>
    Close,

    /// <summary>A customer called to report no power.</summary>
    RepairCall,
}

/// <summary>Pending until detection looks at it; then grouped into an outage or set aside with the reason.</summary>
public enum SignalState
{
    Pending,
    Grouped,
    SetAside,
}

/// <summary>
/// One event or call about supply at a device, kept so that detection can group what arrives within its window and
/// so that a retried batch is recognised by the sender's own id and stored once.
/// </summary>
public sealed class OutageSignal
{
    private OutageSignal()
    {
        ExternalId = string.Empty;
    }

    public long Id { get; private set; }

    public OutageSource Source { get; private set; }

    public SignalKind Kind { get; private set; }

    /// <summary>The sender's id of the event, unique per source.</summary>
    public string ExternalId { get; private set; }

    public long DeviceId { get; private set; }

    /// <summary>The customer behind a meter event or call, when there is one.</summary>
    public long? CustomerId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public SignalState State { get; private set; }

    public long? OutageId { get; private set; }

    /// <summary>Why a signal did not make or join an outage (arrears disconnection, customer-side fault, already restored…).</summary>
    public string? Conclusion { get; private set; }

    public bool IsLossOfSupply => Kind is SignalKind.PowerOff or SignalKind.VoltageLoss or SignalKind.Trip or SignalKind.RepairCall;

    public static OutageSignal Receive(
        OutageSource source, SignalKind kind, string externalId, long deviceId, long? customerId, DateTime occurredAtUtc, DateTime receivedAtUtc)
    {
        DomainRuleException.ThrowIfBlank(externalId, nameof(externalId));
        ChinaTime.RequireUtc(occurredAtUtc, nameof(occurredAtUtc));
        ChinaTime.RequireUtc(receivedAtUtc, nameof(receivedAtUtc));
        return new OutageSignal
        {
            Source = source,
            Kind = kind,
            ExternalId = externalId,
            DeviceId = deviceId,
            CustomerId = customerId,
            OccurredAt = occurredAtUtc,
            ReceivedAt = receivedAtUtc,
            State = SignalState.Pending,
        };
    }

    public void GroupInto(long outageId, string? conclusion = null)
    {
        State = SignalState.Grouped;
        OutageId = outageId;
        Conclusion = conclusion;
    }

    public void SetAside(string conclusion)
    {
        DomainRuleException.ThrowIfBlank(conclusion, nameof(conclusion));
        State = SignalState.SetAside;
        Conclusion = conclusion;
    }
}
