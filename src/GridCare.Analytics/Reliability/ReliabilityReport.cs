namespace GridCare.Analytics.Reliability;

/// <summary>SAIDI of one day: the customer minutes of the sustained interruptions that began that day / N_T.</summary>
public sealed record DailySaidi(DateOnly Date, double SaidiMinutes);

/// <summary>
/// The indices of one scope and period with every interruption (<see cref="All"/>) and without those that began on
/// a major event day (<see cref="ExcludingMajorEventDays"/>), as IEEE 1366 asks both to be reported.
/// </summary>
/// <param name="Settings">The scope's customers served, the period and the momentary limit.</param>
/// <param name="All">The indices with every interruption of the period.</param>
/// <param name="ExcludingMajorEventDays">The indices without the interruptions that began on a major event day.</param>
/// <param name="Threshold">The 2.5 beta threshold used, when major event days were identified from a history.</param>
/// <param name="MajorEventDays">The major event days of the period with this scope's SAIDI on each.</param>
/// <param name="InterruptionsOutsidePeriod">Interruptions given that began outside the period and were not counted.</param>
public sealed record ReliabilityReport(
    ReliabilitySettings Settings,
    ReliabilityIndices All,
    ReliabilityIndices ExcludingMajorEventDays,
    MajorEventThreshold? Threshold,
    IReadOnlyList<DailySaidi> MajorEventDays,
    int InterruptionsOutsidePeriod);
