namespace GridCare.Domain.Sla;

/// <summary>One day that departs from the Monday–Friday pattern, named after the holiday block it belongs to (春节, 国庆节…).</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);
