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

    public AudienceRequest ToRequest() => new(
        Source, Blank(Category), Blank(Capacity), Blank(Area), Blank(Sensitivity), Blank(LoadShape), null, null,
        From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. (CustomerIds ?? string.Empty).Split([',', ' ', '，', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)]);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
