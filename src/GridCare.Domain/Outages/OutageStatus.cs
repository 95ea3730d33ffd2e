namespace GridCare.Domain.Outages;

/// <summary>Scheduled (published, not yet cut) → Active (customers off) → Restored; Cancelled before the cut.</summary>
public enum OutageStatus
{
    Scheduled,
    Active,
    Restored,
    Cancelled,
}
