using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Sla;

namespace GridCare.Features.WorkOrders;

/// <summary>The SLA deadline scanner and the SLA settings every instance keeps in memory.</summary>
public sealed class SlaOptions
{
    public const string Section = "GridCare:Sla";

    /// <summary>Run the scanner in this instance (any number of instances may run it side by side).</summary>
    public bool ScannerEnabled { get; set; } = true;

    /// <summary>Seconds between scans. Default 30.</summary>
    [Range(1, 3600)]
    public int ScanIntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Warn when this share of a target's time is used, in percent. Default 80: a 45-minute arrival is warned after
    /// 36 minutes, a 5-working-day reply after 4 working days. It applies to deadlines computed after a change.
    /// </summary>
    [Range(1, 99)]
    public int WarningPercent { get; set; } = SlaClock.DefaultWarningPercent;

    /// <summary>Seconds between checks whether an administrator changed the SLA settings in any instance. Default 5.</summary>
    [Range(1, 3600)]
    public int SettingsRefreshSeconds { get; set; } = 5;

    /// <summary>Orders handled per scan and kind, so one scan never holds the database for long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
