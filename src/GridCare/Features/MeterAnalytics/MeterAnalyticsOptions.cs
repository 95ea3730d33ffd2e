using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Features.MeterAnalytics;

/// <summary>The meter analyses' thresholds and their background worker (<c>GridCare:MeterAnalytics</c>).</summary>
public sealed class MeterAnalyticsOptions
{
    public const string Section = "GridCare:MeterAnalytics";

    /// <summary>Whether this instance analyses queued days in the background (tests run the analysis by hand).</summary>
    public bool BackgroundEnabled { get; set; } = true;

    /// <summary>How often the worker looks at the analysis queue.</summary>
    [Range(1, 86400)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>cos φ assumed where no per-phase V·I give apparent power: S = |P| / PowerFactor.</summary>
    [Range(0.5, 1)]
    public double PowerFactor { get; set; } = 0.9;

    /// <summary>Heavy load 重载 above this percentage of rated kVA.</summary>
    [Range(1, 500)]
    public double HeavyLoadPercent { get; set; } = 80;

    /// <summary>Overload 过载 above this percentage of rated kVA.</summary>
    [Range(1, 500)]
    public double OverloadPercent { get; set; } = 100;

    /// <summary>Three-phase imbalance alarm: (max − min) / max of phase currents above this percentage.</summary>
    [Range(1, 100)]
    public double ImbalancePercent { get; set; } = 25;

    /// <summary>Nominal phase voltage for the GB/T 12325 limits (single-phase −10 %/+7 %, three-phase ±7 %).</summary>
    [Range(100, 400)]
    public double NominalVoltage { get; set; } = 220;

    /// <summary>Minutes outside a limit in a day that make a meter low (high); this share of an area's meters makes a pocket.</summary>
    [Range(1, 1440)]
    public int PocketMinutes { get; set; } = 60;

    [Range(1, 100)]
    public double PocketMeterPercent { get; set; } = 20;

    /// <summary>Line loss rate (台区线损率) above which an area is flagged.</summary>
    [Range(0, 100)]
    public double LineLossThresholdPercent { get; set; } = 10;

    /// <summary>A run of zero energy this long while supplied is a suspected stopped meter or bypass.</summary>
    [Range(15, 1440)]
    public int ZeroRunMinutes { get; set; } = 480;

    /// <summary>A day below this percentage of the meter's mean of the 7 days before is a sudden drop.</summary>
    [Range(1, 100)]
    public double SuddenDropPercent { get; set; } = 20;

    /// <summary>Reverse energy in a day (kWh) above which a meter without generation on record is flagged.</summary>
    [Range(0, 1000)]
    public double ReverseFlowKwh { get; set; } = 0.1;

    public MeterAnalysisSettings ToSettings() => new()
    {
        PowerFactor = PowerFactor,
        HeavyLoadRate = HeavyLoadPercent / 100,
        OverloadRate = OverloadPercent / 100,
        ImbalanceRate = ImbalancePercent / 100,
        NominalVoltage = NominalVoltage,
        PocketMinutes = PocketMinutes,
        PocketMeterShare = PocketMeterPercent / 100,
        LineLossThreshold = LineLossThresholdPercent / 100,
        ZeroRunMinutes = ZeroRunMinutes,
        SuddenDropShare = SuddenDropPercent / 100,
        ReverseFlowKwh = ReverseFlowKwh,
    };
}
