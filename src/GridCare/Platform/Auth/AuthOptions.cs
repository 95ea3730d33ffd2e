using System.ComponentModel.DataAnnotations;

namespace GridCare.Platform.Auth;

/// <summary>Lifetimes of API bearer tokens and console sign-in cookies.</summary>
public sealed class AuthOptions
{
    public const string Section = "GridCare:Auth";

    [Range(5, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 8 * 60;

    [Range(5, 7 * 24 * 60)]
    public int CookieLifetimeMinutes { get; set; } = 10 * 60;
}
