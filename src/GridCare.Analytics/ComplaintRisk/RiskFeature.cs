namespace GridCare.Analytics.ComplaintRisk;

/// <summary>
/// The features of a score, by level, in the order of the model's vector. The key names the reason a feature gives
/// (rendered in words by the caller); a feature the data does not have is NaN — absent, not zero.
/// </summary>
public static class RiskFeature
{
    public static readonly IReadOnlyList<string> Customer =
    [
        "interruptions30", "interruptions90", "interruptions365", "interruptionMinutes30", "interruptionMinutes90", "interruptionMinutes365",
        "complaints90", "complaints365", "daysSinceComplaint", "unsatisfiedRevisits365",
        "transformerComplaints90", "transformerComplaints365", "transformerInterruptions90",
        "voltageCompliance", "transformerPeakLoad", "transformerHeavyMinutes", "transformerVoltageCompliance", "sensitive",
    ];

    public static readonly IReadOnlyList<string> Transformer =
    [
        "customers", "interruptions30", "interruptions90", "interruptionMinutes90",
        "complaints90", "complaints365", "daysSinceComplaint", "unsatisfiedRevisits365",
        "transformerPeakLoad", "transformerHeavyMinutes", "transformerVoltageCompliance", "loadEpisodes",
    ];

    public static IReadOnlyList<string> Of(RiskLevel level) => level == RiskLevel.Customer ? Customer : Transformer;
}
