namespace GridCare.Domain.Sla;

/// <summary>One stretch of office hours on a working day, in China Standard Time.</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End);
