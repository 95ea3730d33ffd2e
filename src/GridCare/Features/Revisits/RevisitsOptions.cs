using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Revisits;

/// <summary>When revisits fall due and how the customer's invitation link works.</summary>
public sealed class RevisitsOptions : IValidatableObject
{
    public const string Section = "GridCare:Revisits";

    /// <summary>
    /// How long after the resolution a revisit becomes the agents' job; until then the customer may answer the SMS
    /// invitation themselves. DOMAIN.md sets no limit, so this is a setting. Default one day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan DueAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long the invitation link opens the revisit form. Default three days.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Where customers reach the portal, for the link in the SMS, e.g. <c>https://95598.example.cn/</c>.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080/";

    /// <summary>
    /// The key that signs invitation links (base64, at least 32 bytes), the same on every instance. Set it as a secret
    /// (environment variable <c>GridCare__Revisits__LinkSigningKey</c>); without it a key is generated once into the
    /// data directory's <c>keys</c> folder.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkSigningKey is null)
        {
            yield break;
        }

        var bytes = new byte[LinkSigningKey.Length];
        if (!Convert.TryFromBase64String(LinkSigningKey, bytes, out var length) || length < 32)
        {
            yield return new ValidationResult("The link signing key must be base64 of at least 32 bytes.", [nameof(LinkSigningKey)]);
        }
    }
}
