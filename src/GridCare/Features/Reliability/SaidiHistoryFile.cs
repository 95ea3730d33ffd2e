using GridCare.Analytics.Reliability;
using GridCare.Platform.Imports;

namespace GridCare.Features.Reliability;

/// <summary>
/// Reads a daily SAIDI history CSV, <c>date,saidi_minutes</c>: the days before the reporting period (IEEE 1366 uses
/// the five most recent years) from which the major event day threshold is computed. Days missing from the file are
/// days without interruptions, which the 2.5 beta method leaves out anyway.
/// </summary>
internal static class SaidiHistoryFile
{
    public static readonly string[] Columns = ["date", "saidi_minutes"];

    public static async Task<(IReadOnlyList<DailySaidi> Days, List<ImportError> Errors)> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, Columns, [], cancellationToken);
        var days = new List<DailySaidi>();
        var lines = new Dictionary<DateOnly, int>();
        foreach (var record in records)
        {
            var text = record.Required("date");
            var saidi = record.Number("saidi_minutes", 0, 1_000_000, required: true);
            if (text.Length == 0)
            {
                continue;
            }

            if (!IsoTime.TryParseDate(text, out var date))
            {
                record.Error("date", $"'{text}' is not a date in the form yyyy-MM-dd");
                continue;
            }

            if (lines.TryGetValue(date, out var earlier))
            {
                record.Error("date", $"{text} already has a value on line {earlier}");
                continue;
            }

            lines[date] = record.Line;
            if (saidi is not null)
            {
                days.Add(new DailySaidi(date, (double)saidi.Value));
            }
        }

        var lastLine = records.Count > 0 ? records[^1].Line : 1;
        if (errors.Count == 0 && days.Count(d => d.SaidiMinutes > 0) < 2)
        {
            errors.Add(new ImportError(fileName, lastLine, "saidi_minutes",
                "the 2.5 beta method needs at least two days with saidi_minutes above zero (days of zero are left out of the logarithms)"));
        }

        return (days.OrderBy(d => d.Date).ToList(), errors);
    }
}
