namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// Thresholds of the validation (VEE) every batch passes. Powers are average kW over the interval, so 15- and 30-minute
/// readings compare alike. Defaults follow common MDM practice; utilities tune them per area.
/// </summary>
public sealed record VeeSettings
{
    /// <summary>A reading above this multiple of the meter's typical power (its last 30 days) is a suspect spike.</summary>
    public double SpikeFactor { get; init; } = 8;

    /// <summary>…unless it is below this power: small meters double their load every evening.</summary>
    public double SpikeFloorKw { get; init; } = 3;

    /// <summary>Above this multiple of the contracted capacity (or a transformer's rated kVA) a reading is implausible.</summary>
    public double ImplausibleCapacityFactor { get; init; } = 2;

    /// <summary>For devices with no capacity on record.</summary>
    public double ImplausibleKw { get; init; } = 5_000;

    /// <summary>An interval ending later than this after now is a clock error.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Earliest believable interval; older timestamps are a meter clock that lost its time.</summary>
    public DateTime Earliest { get; init; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public double MaxVoltage { get; init; } = 500;

    /// <summary>How many rejected rows a failed batch lists (the total is always given).</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Memory the store may use while importing (DuckDB <c>memory_limit</c>).</summary>
    public string MemoryLimit { get; init; } = "3GB";
}
