namespace GridCare.Domain.Sla;

public enum SlaClockKind
{
    /// <summary>Counts every minute, nights and holidays included: repair arrival and restoration, reconnection.</summary>
    WallClock,

    /// <summary>Counts whole working days of the business calendar: complaints, reports, applications.</summary>
    WorkingDays,
}
