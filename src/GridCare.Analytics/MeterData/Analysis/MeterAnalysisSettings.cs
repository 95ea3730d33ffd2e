namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>
/// The thresholds of the meter analyses; each is a setting of the app (<c>GridCare:MeterAnalytics</c>), these are
/// the defaults (DOMAIN.md §4). Rates are fractions (0.8 = 80 %).
/// </summary>
public sealed record MeterAnalysisSettings
{
    /// <summary>
    /// Power factor assumed to turn active power into apparent power (S = |P| / cos φ) where no per-phase voltage and
    /// current give S directly: every meter-sum slot, and terminal slots without all three V·I pairs. 0.9 is the
    /// usual planning value for LV residential and commercial load (and the minimum many tariffs ask of customers).
    /// </summary>
    public double PowerFactor { get; init; } = 0.9;

    /// <summary>Heavy load 重载: above 80 % of rated kVA.</summary>
    public double HeavyLoadRate { get; init; } = 0.8;

    /// <summary>Overload 过载: above 100 % of rated kVA.</summary>
    public double OverloadRate { get; init; } = 1.0;

    /// <summary>Three-phase imbalance alarm: (max − min) / max of the phase currents above 25 %.</summary>
    public double ImbalanceRate { get; init; } = 0.25;

    /// <summary>
    /// Nominal phase-to-neutral voltage. GB/T 12325 limits: single-phase 220 V −10 %/+7 %; three-phase 380 V ±7 % of
    /// nominal, checked here per phase on the same 220 V basis because meters report phase-to-neutral voltages.
    /// </summary>
    public double NominalVoltage { get; init; } = 220;

    public double SinglePhaseLowerDeviation { get; init; } = 0.10;

    public double SinglePhaseUpperDeviation { get; init; } = 0.07;

    public double ThreePhaseDeviation { get; init; } = 0.07;

    /// <summary>A reading whose voltages are all below this is a loss of supply (outage evidence), not a low voltage.</summary>
    public double SupplyLossVoltage { get; init; } = 50;

    /// <summary>A meter counts towards a low (high) voltage pocket after this many minutes outside the limit in a day.</summary>
    public int PocketMinutes { get; init; } = 60;

    /// <summary>A transformer area is a low (high) voltage pocket when this share of its metered customers is.</summary>
    public double PocketMeterShare { get; init; } = 0.2;

    /// <summary>Line loss rate above which an area is flagged (台区线损率, typical LV target 10 %).</summary>
    public double LineLossThreshold { get; init; } = 0.10;

    /// <summary>Share of the day's readings needed to judge line loss or a consumption drop rather than missing data.</summary>
    public double MinimumCoverage { get; init; } = 0.95;

    /// <summary>A run of zero energy this long while supplied is a suspected stopped meter or bypass.</summary>
    public int ZeroRunMinutes { get; init; } = 480;

    /// <summary>A day below this share of the meter's recent daily mean is a sudden drop.</summary>
    public double SuddenDropShare { get; init; } = 0.2;

    /// <summary>Days before the analysed day that form the consumption baseline, and how many of them must be complete.</summary>
    public int BaselineDays { get; init; } = 7;

    public int BaselineMinimumDays { get; init; } = 3;

    /// <summary>Baselines below this daily kWh (an empty flat) are too small to call a drop.</summary>
    public double MinimumBaselineKwh { get; init; } = 1;

    /// <summary>Reverse energy in a day above this on a meter without generation on record is an anomaly.</summary>
    public double ReverseFlowKwh { get; init; } = 0.1;

    public double SinglePhaseLow => NominalVoltage * (1 - SinglePhaseLowerDeviation);

    public double SinglePhaseHigh => NominalVoltage * (1 + SinglePhaseUpperDeviation);

    public double ThreePhaseLow => NominalVoltage * (1 - ThreePhaseDeviation);

    public double ThreePhaseHigh => NominalVoltage * (1 + ThreePhaseDeviation);
}
