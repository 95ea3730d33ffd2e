using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.WorkOrders;

/// <summary>The SLA deadline scanner.</summary>
public sealed class SlaOptions
{
    public const string Section = "GridCare:Sla";

    /// <summary>Run the scanner in this instance (any number of instances may run it side by side).</summary>
    public bool ScannerEnabled { get; set; } = true;

    /// <summary>Seconds between scans. Default 30.</summary>
    [Range(1, 3600)]
    public int ScanIntervalSeconds { get; set; } = 30;

    /// <summary>Warn this many minutes before the next deadline of an order. Default 30.</summary>
    [Range(1, 7 * 24 * 60)]
    public int WarnBeforeMinutes { get; set; } = 30;

    /// <summary>Orders handled per scan and kind, so one scan never holds the database for long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
