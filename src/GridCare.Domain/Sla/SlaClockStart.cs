namespace GridCare.Domain.Sla;

/// <summary>The event a target's clock starts from.</summary>
public enum SlaClockStart
{
    /// <summary>The work order is received (受理).</summary>
    Received,

    /// <summary>The crew arrives on site: the service commitments measure restoration from arrival, not from the call.</summary>
    Arrived,
}
