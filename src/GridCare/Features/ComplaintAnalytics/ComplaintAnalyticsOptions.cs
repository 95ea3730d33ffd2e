using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>The reference mix complaints are compared with, and when a rise becomes a hotspot.</summary>
public sealed class ComplaintAnalyticsOptions
{
    public const string Section = "GridCare:ComplaintAnalytics";

    /// <summary>Shares (per cent) of the complaint classes in the source article: supply quality 36, service 28, business 28, outage 5, grid construction 3.</summary>
    public Dictionary<string, double> BaselineMix { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SupplyQuality"] = 36,
        ["Service"] = 28,
        ["Business"] = 28,
        ["Outage"] = 5,
        ["GridConstruction"] = 3,
    };

    /// <summary>A transformer, feeder or unit is a hotspot with at least this many complaints in the period, more than in the period before (default 2).</summary>
    [Range(1, 10_000)]
    public int HotspotMinComplaints { get; set; } = 2;
}
