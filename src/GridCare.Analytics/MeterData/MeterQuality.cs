namespace GridCare.Analytics.MeterData;

/// <summary>
/// The quality flag every stored reading carries (VEE: validation, estimation, editing). Flagged readings are kept,
/// not dropped, so an analyst can see what was doubted; analyses use <see cref="Valid"/> and <see cref="Estimated"/>.
/// </summary>
public static class MeterQuality
{
    public const string Valid = "valid";

    /// <summary>Far above the meter's own typical interval (and above an absolute floor): a suspect spike.</summary>
    public const string Spike = "spike";

    /// <summary>Reverse flow on a meter without generation on record.</summary>
    public const string Negative = "negative";

    /// <summary>Physically impossible for the meter (energy beyond its capacity, voltage outside 0–500 V).</summary>
    public const string Implausible = "implausible";

    /// <summary>Filled in by estimation rather than measured.</summary>
    public const string Estimated = "estimated";
}
