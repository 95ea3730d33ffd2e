using System.Globalization;

namespace GridCare.Features.Reliability;

/// <summary>
/// The date and time forms analysts' files may use. A timestamp must carry its offset: a bare local time in a log
/// sent from another place would silently move interruptions across day boundaries and major event days.
/// </summary>
internal static class IsoTime
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
    ];

    public const string InstantExample = "2026-07-01T08:30:00+08:00";

    /// <summary>An ISO 8601 date and time with an offset (<c>+08:00</c>, <c>-05:00</c> or <c>Z</c>).</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        var normalized = text.EndsWith('Z') || text.EndsWith('z') ? text[..^1] + "+00:00" : text;
        return DateTimeOffset.TryParseExact(normalized, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>An ISO 8601 calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>A UTC offset such as <c>+08:00</c>, <c>-05:00</c> or <c>Z</c>, in whole minutes within ±14 hours.</summary>
    public static bool TryParseOffset(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is "Z" or "z")
        {
            return true;
        }

        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours * 60 + minutes > 14 * 60)
        {
            return false;
        }

        value = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    public static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
