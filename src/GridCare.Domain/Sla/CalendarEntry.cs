namespace GridCare.Domain.Sla;

/// <summary>
/// One day that departs from the Monday–Friday pattern, named after the holiday block it belongs to (春节, 国庆节…).
/// A provisional entry is a statutory day shipped before the year's notice confirmed it; an entry for the same date
/// without the flag (the notice, entered by an administrator) replaces it.
/// </summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name, bool Provisional = false);
