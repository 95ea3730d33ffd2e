using System.Globalization;

namespace GridCare.Analytics.Tariffs;

/// <summary>
/// The editable text forms of blocks and periods, as administrators type them: blocks <c>3000=0.4556; 4700=0.5056;
/// *=0.7556</c> (kWh limit = yuan/kWh, <c>*</c> for the open block), periods <c>valley 00:00-08:00=0.24; peak
/// 08:00-22:00=0.568</c> (end excluded, 24:00 allowed, a period may wrap past midnight).
/// </summary>
public static class TariffText
{
    public static IReadOnlyList<TariffBlock> ParseBlocks(string? text, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var blocks = new List<TariffBlock>();
        foreach (var part in Parts(text))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            double limit = 0;
            if (pair.Length != 2 || !(pair[0] == "*" || double.TryParse(pair[0], NumberStyles.Float, CultureInfo.InvariantCulture, out limit)) || !Number(pair[1], out var price))
            {
                errors.Add($"'{part}' is not limit=price (kWh=yuan/kWh, * for the last block)");
                continue;
            }

            blocks.Add(new TariffBlock(pair[0] == "*" ? null : limit, price));
        }

        return blocks;
    }

    public static IReadOnlyList<TariffPeriod> ParsePeriods(string? text, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var periods = new List<TariffPeriod>();
        foreach (var part in Parts(text))
        {
            var space = part.LastIndexOf(' ');
            var pair = space < 0 ? [] : part[(space + 1)..].Split('=', 2);
            var hours = pair.Length == 2 ? pair[0].Split('-') : [];
            if (pair.Length != 2 || hours.Length != 2 || Minute(hours[0]) is not { } from || Minute(hours[1]) is not { } to || !Number(pair[1], out var price))
            {
                errors.Add($"'{part}' is not 'name HH:mm-HH:mm=price'");
                continue;
            }

            periods.Add(new TariffPeriod(part[..space].Trim(), from, to % 1440, price));
        }

        return periods;
    }

    public static string FormatBlocks(IEnumerable<TariffBlock> blocks) =>
        string.Join("; ", blocks.Select(b => string.Create(CultureInfo.InvariantCulture, $"{(b.UpToKwh is { } up ? up.ToString(CultureInfo.InvariantCulture) : "*")}={b.Price}")));

    public static string FormatPeriods(IEnumerable<TariffPeriod> periods) =>
        string.Join("; ", periods.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.FromMinute / 60:00}:{p.FromMinute % 60:00}-{(p.ToMinute == 0 ? 24 : p.ToMinute / 60):00}:{p.ToMinute % 60:00}={p.Price}")));

    private static string[] Parts(string? text) =>
        (text ?? string.Empty).Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Number(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static int? Minute(string text) =>
        TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? (time.Hour * 60) + time.Minute
        : text.Trim() == "24:00" ? 1440 : null;
}
