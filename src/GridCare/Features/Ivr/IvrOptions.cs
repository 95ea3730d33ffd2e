using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Ivr;

/// <summary>What the voice self-service tells callers.</summary>
public sealed class IvrOptions
{
    public const string Section = "GridCare:Ivr";

    /// <summary>
    /// The reconnection time limit after arrears are paid (欠费复电): 24 h in SGCC's ten service commitments, 12 h at
    /// CSG (DOMAIN.md §4). The IVR promises the supply back by payment + this.
    /// </summary>
    [Range(1, 72)]
    public int ReconnectionHours { get; set; } = 24;

    /// <summary>A caller is told of a planned or temporary cut that starts within this many hours.</summary>
    [Range(0, 168)]
    public int ScheduledOutageNoticeHours { get; set; } = 24;

    /// <summary>At most this many open orders are read out; the rest are counted.</summary>
    [Range(1, 10)]
    public int OrdersSpoken { get; set; } = 2;
}
