using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.WorkOrders;

/// <summary>How contacts become work orders.</summary>
public sealed class WorkOrdersOptions
{
    public const string Section = "GridCare:WorkOrders";

    /// <summary>
    /// A contact from the same customer about the same type within this many hours of the open order's last contact
    /// is a repeat call on that order, not a new one. Default 72 h.
    /// </summary>
    [Range(1, 24 * 90)]
    public int RepeatWindowHours { get; set; } = 72;
}
