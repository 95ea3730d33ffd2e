using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Portal;

/// <summary>The customer self-service portal: form-post limits per client address and the customers' sign-in by SMS code.</summary>
public sealed class PortalOptions
{
    public const string Section = "GridCare:Portal";

    /// <summary>Form posts (reports, tracking look-ups, ratings) allowed per client IP address in each window. Default 20.</summary>
    [Range(1, 100_000)]
    public int PostsPerWindow { get; set; } = 20;

    /// <summary>The fixed rate-limit window. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a texted sign-in code stays valid. Default five minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan SignInCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in codes texted to one phone per hour, so the portal cannot be used to flood a phone. Default 5.</summary>
    [Range(1, 100)]
    public int SignInCodesPerHour { get; set; } = 5;

    /// <summary>Wrong guesses after which a code is void. Default 5.</summary>
    [Range(1, 20)]
    public int SignInCodeAttempts { get; set; } = 5;

    /// <summary>How long a signed-in customer stays signed in without activity. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
