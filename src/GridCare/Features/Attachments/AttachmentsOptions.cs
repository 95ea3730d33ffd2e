using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Attachments;

/// <summary>Limits on files attached to work orders, and where they are kept.</summary>
public sealed class AttachmentsOptions : IValidatableObject
{
    public const string Section = "GridCare:Attachments";

    /// <summary>The largest file taken, in bytes. Default 10 MB — a phone photo at full resolution.</summary>
    [Range(1, 1L << 30)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The content types taken, comma-separated, each one GridCare recognises by its bytes: <c>image/jpeg</c>,
    /// <c>image/png</c>, <c>image/webp</c>, <c>image/heic</c>, <c>image/heif</c>, <c>application/pdf</c> (the default is all of them).
    /// </summary>
    [Required]
    public string AllowedTypes { get; set; } = string.Join(',', AttachmentTypes.Known);

    /// <summary>The most attachments one order takes. Default 20.</summary>
    [Range(1, 1000)]
    public int MaxPerOrder { get; set; } = 20;

    /// <summary>The most photos a customer attaches to one report on the portal. Default 3.</summary>
    [Range(0, 10)]
    public int PortalMaxFiles { get; set; } = 3;

    /// <summary>How long a link the portal hands out to a customer-visible attachment works. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PortalLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Where the files are kept: relative to the data directory unless absolute (shared storage in production, mounted
    /// on every instance). Default <c>attachments</c>.
    /// </summary>
    [Required]
    public string Directory { get; set; } = "attachments";

    public IReadOnlySet<string> AllowedTypeSet =>
        AllowedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = AllowedTypeSet.Except(AttachmentTypes.Known).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"GridCare cannot recognise {string.Join(", ", unknown)} by content; allowed types are {string.Join(", ", AttachmentTypes.Known)}.",
                [nameof(AllowedTypes)]);
        }

        if (AllowedTypeSet.Count == 0)
        {
            yield return new ValidationResult("At least one attachment type must be allowed.", [nameof(AllowedTypes)]);
        }
    }
}
