namespace GridCare.Analytics.Reliability;

/// <summary>What one calculation needs besides the interruptions: the scope's customers served and the period.</summary>
public sealed record ReliabilitySettings
{
    /// <summary>IEEE 1366: an interruption longer than 5 minutes is sustained, 5 minutes or less momentary.</summary>
    public static readonly TimeSpan DefaultMomentaryLimit = TimeSpan.FromMinutes(5);

    public ReliabilitySettings(int customersServed, ReliabilityPeriod period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customersServed);
        ArgumentNullException.ThrowIfNull(period);
        CustomersServed = customersServed;
        Period = period;
    }

    /// <summary>N_T: the customers served in the scope (meters or accounts, counted the same way as the interruptions).</summary>
    public int CustomersServed { get; }

    public ReliabilityPeriod Period { get; }

    /// <summary>Interruptions this long or shorter are momentary; longer ones are sustained.</summary>
    public TimeSpan MomentaryLimit { get; init; } = DefaultMomentaryLimit;

    /// <summary>The n of CEMI_n and CEMSMI_n to report.</summary>
    public IReadOnlyList<int> CemiThresholds { get; init; } = [1, 2, 3, 4, 5];
}
