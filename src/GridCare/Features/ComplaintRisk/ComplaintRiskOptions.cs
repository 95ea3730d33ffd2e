using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.ComplaintRisk;

/// <summary>Complaint-risk scoring (超前服务).</summary>
public sealed class ComplaintRiskOptions
{
    public const string Section = "GridCare:ComplaintRisk";

    /// <summary>Refresh the scores in the background (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours between background refreshes (default 24: daily).</summary>
    [Range(1, 24 * 30)]
    public int RefreshHours { get; set; } = 24;

    /// <summary>Minutes after start before the first background refresh, so a demo's history and readings are in place (default 5).</summary>
    [Range(0, 24 * 60)]
    public int StartDelayMinutes { get; set; } = 5;

    /// <summary>Trees of the gradient-boosted model (default 100).</summary>
    [Range(5, 2000)]
    public int Trees { get; set; } = 100;
}
