using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Portal;

/// <summary>The customer self-service portal: how many form posts one client address may send per window.</summary>
public sealed class PortalOptions
{
    public const string Section = "GridCare:Portal";

    /// <summary>Form posts (reports, tracking look-ups, ratings) allowed per client IP address in each window. Default 20.</summary>
    [Range(1, 100_000)]
    public int PostsPerWindow { get; set; } = 20;

    /// <summary>The fixed rate-limit window. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
