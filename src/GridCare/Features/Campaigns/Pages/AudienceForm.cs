using System.Globalization;

namespace GridCare.Features.Campaigns.Pages;

/// <summary>The audience fields of the campaign form as the selects and inputs hold them: API names, empty for "all".</summary>
public sealed class AudienceForm
{
    public string Source { get; set; } = "segment";

    public string? Category { get; set; }

    public string? Capacity { get; set; }

    public string? Area { get; set; }

    public string? Sensitivity { get; set; }

    public string? LoadShape { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? CustomerIds { get; set; }

    /// <summary>The request with only the fields the chosen source shows, so a value chosen for another source is not stored with the rule.</summary>
    public AudienceRequest ToRequest()
    {
        var (segment, filters) = (Source == "segment", Source is "segment" or "tariffAdvice");
        return new(
            Source, Pick(filters, Category), Pick(segment, Capacity), Pick(segment, Area), Pick(segment, Sensitivity), Pick(filters, LoadShape), null, null,
            Source == "closedOrders" ? From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Source == "closedOrders" ? To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Source != "customers" ? [] : [.. (CustomerIds ?? string.Empty).Split([',', ' ', '，', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)]);
    }

    private static string? Pick(bool shown, string? value) => shown && !string.IsNullOrEmpty(value) ? value : null;
}
