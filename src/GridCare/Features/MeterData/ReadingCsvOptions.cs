using System.Globalization;
using GridCare.Analytics.MeterData.Import;

namespace GridCare.Features.MeterData;

/// <summary>
/// How to read a readings file, as given on the command line or the query string: whose readings, the interval, the
/// offset of times that carry none, a single meter for files without a meter column, and the file's own column names
/// (<c>meter_no=customer_id,kwh=general_supply_kwh</c>).
/// </summary>
public sealed record ReadingCsvOptions(
    bool Terminals = false,
    ReadingFormat? Format = null,
    int IntervalMinutes = 15,
    TimeSpan? UtcOffset = null,
    string? Meter = null,
    string? Columns = null)
{
    public ReadingImportRequest ToRequest(string path) => new()
    {
        Path = path,
        Target = Terminals ? ReadingTarget.Terminals : ReadingTarget.Meters,
        Format = Format,
        IntervalMinutes = IntervalMinutes,
        UtcOffset = UtcOffset,
        Device = Meter,
        Columns = ParseColumns(Columns),
        Source = Path.GetFileName(path),
    };

    /// <summary>Parses <c>+08:00</c>, <c>-05:00</c>, <c>+8</c> or <c>Z</c>; null when it is none of these.</summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text is "Z" or "z" or "UTC")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var body = text.TrimStart('+', '-');
        return TimeSpan.TryParseExact(body, ["h\\:mm", "hh\\:mm", "hhmm", "%h", "hh"], CultureInfo.InvariantCulture, out var offset) && offset <= TimeSpan.FromHours(14)
            ? sign * offset
            : null;
    }

    private static Dictionary<string, string> ParseColumns(string? columns) =>
        string.IsNullOrWhiteSpace(columns)
            ? []
            : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
