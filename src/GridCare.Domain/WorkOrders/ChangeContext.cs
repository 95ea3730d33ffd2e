using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

/// <summary>
/// Who changes a work order, when, and through which channel, plus the clock that re-times its SLA deadlines; every
/// change takes one, so every change is audited and re-timed the same way.
/// </summary>
public sealed record ChangeContext(string Actor, DateTime AtUtc, SlaClock Clock, Channel? Channel = null);
