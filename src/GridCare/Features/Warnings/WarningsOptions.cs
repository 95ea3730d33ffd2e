using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.MeterData.Warnings;

namespace GridCare.Features.Warnings;

/// <summary>The early-warning rules' thresholds (<c>GridCare:Warnings</c>); see <see cref="WarningThresholds"/> for what each means.</summary>
public sealed class WarningsOptions
{
    public const string Section = "GridCare:Warnings";

    [Range(1, 1440)]
    public int OverloadMinutes { get; set; } = 30;

    [Range(1, 1440)]
    public int HeavyLoadMinutes { get; set; } = 60;

    [Range(1, 31)]
    public int HeavyLoadDays { get; set; } = 3;

    [Range(1, 31)]
    public int WindowDays { get; set; } = 7;

    [Range(50, 100)]
    public double UrbanVoltageCompliancePercent { get; set; } = 98.5;

    [Range(50, 100)]
    public double RuralVoltageCompliancePercent { get; set; } = 97.5;

    [Range(0, 100)]
    public double CriticalVoltageCompliancePercent { get; set; } = 90;

    [Range(1, 1440)]
    public int ImbalanceMinutes { get; set; } = 120;

    public bool MeterAnomalies { get; set; } = true;

    /// <summary>An active warning not seen again for this many evaluated days is cleared: its condition has gone.</summary>
    [Range(1, 90)]
    public int ClearAfterDays { get; set; } = 3;

    public WarningThresholds ToThresholds() => new()
    {
        OverloadMinutes = OverloadMinutes,
        HeavyLoadMinutes = HeavyLoadMinutes,
        HeavyLoadDays = HeavyLoadDays,
        WindowDays = WindowDays,
        UrbanVoltageCompliance = UrbanVoltageCompliancePercent / 100,
        RuralVoltageCompliance = RuralVoltageCompliancePercent / 100,
        CriticalVoltageCompliance = CriticalVoltageCompliancePercent / 100,
        ImbalanceMinutes = ImbalanceMinutes,
        MeterAnomalies = MeterAnomalies,
    };
}
