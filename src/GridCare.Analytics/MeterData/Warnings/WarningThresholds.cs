namespace GridCare.Analytics.MeterData.Warnings;

/// <summary>
/// When the early-warning rules fire; each is a setting of the app (<c>GridCare:Warnings</c>) and these are the
/// defaults. Load and voltage limits themselves (heavy 80 %, overload 100 %, GB/T 12325) are the meter analysis's
/// settings: the rules only decide how much of a finding is worth a person's attention.
/// </summary>
public sealed record WarningThresholds
{
    /// <summary>Minutes above rated kVA on one day that raise an overload warning (critical from twice as many).</summary>
    public int OverloadMinutes { get; init; } = 30;

    /// <summary>Minutes above the heavy-load rate that make a day a heavy day.</summary>
    public int HeavyLoadMinutes { get; init; } = 60;

    /// <summary>Heavy days within <see cref="WindowDays"/> that raise a heavy-load warning.</summary>
    public int HeavyLoadDays { get; init; } = 3;

    /// <summary>The window of recent days the repeated rules look at, the evaluated day included.</summary>
    public int WindowDays { get; init; } = 7;

    /// <summary>Voltage compliance of an urban transformer's meters below which a voltage warning is raised
    /// (SGCC 2023 residential target, DOMAIN.md §4).</summary>
    public double UrbanVoltageCompliance { get; init; } = 0.985;

    /// <summary>The same for rural and remote areas.</summary>
    public double RuralVoltageCompliance { get; init; } = 0.975;

    /// <summary>Compliance below which a voltage warning is critical.</summary>
    public double CriticalVoltageCompliance { get; init; } = 0.90;

    /// <summary>Minutes above the imbalance alarm rate on one day that raise an imbalance warning.</summary>
    public int ImbalanceMinutes { get; init; } = 120;

    /// <summary>Whether a meter anomaly (fault or theft suspicion) raises a warning for the customer's meter.</summary>
    public bool MeterAnomalies { get; init; } = true;
}
