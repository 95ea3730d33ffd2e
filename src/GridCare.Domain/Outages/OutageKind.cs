namespace GridCare.Domain.Outages;

/// <summary>
/// Why the power is off: a planned outage (计划停电, noticed at least 7 days before), a temporary maintenance outage
/// (临时停电, 24 h to important customers) or an unplanned fault (故障停电) found from events and calls.
/// </summary>
public enum OutageKind
{
    Planned,
    Temporary,
    Unplanned,
}
