using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GridCare.Analytics.MeterData.Import;
using nietras.SeparatedValues;

namespace GridCare.Analytics.MeterData.Events;

/// <summary>
/// An event CSV: <c>meter_no,occurred_at,event</c> (or <c>device</c> / <c>transformer_code</c> for terminal events).
/// A file is an event file when its header has an <c>event</c> column — no reading form has one — so
/// <c>gridcare meter import</c> tells it from the long and wide reading forms by the header alone. Events are few
/// (a handful per meter and month), so the file is read row by row here and every error names its line.
/// </summary>
public static partial class MeterEventFile
{
    public const string EventColumn = "event";

    public const string TimeColumn = "occurred_at";

    /// <summary>The device column names an event file may use, in the order they are looked for.</summary>
    public static readonly IReadOnlyList<string> DeviceColumns = ["meter_no", "device", "transformer_code"];

    /// <summary>Whether the file at <paramref name="path"/> is an event CSV (its header names an <c>event</c> column).</summary>
    public static bool IsEventFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        return header is not null && header.Split(',').Any(c => c.Trim().Trim('"').Equals(EventColumn, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads and validates the whole file: a device on every row, a time with an offset (or <paramref name="utcOffset"/>
    /// for times without one) that is neither before 2000 nor in the future, and a known event kind.
    /// </summary>
    /// <exception cref="ReadingImportException">Any row is invalid; nothing is to be stored.</exception>
    public static MeterEventBatch Read(string path, TimeSpan? utcOffset, DateTime nowUtc, int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var names = reader.Header.ColNames;
        int Index(string name) => names.ToList().FindIndex(n => n.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
        var deviceColumn = DeviceColumns.FirstOrDefault(c => Index(c) >= 0);
        var missing = new[] { deviceColumn is null ? string.Join(" or ", DeviceColumns) : null, Index(TimeColumn) < 0 ? TimeColumn : null, Index(EventColumn) < 0 ? EventColumn : null }
            .OfType<string>().ToList();
        if (missing.Count > 0)
        {
            throw new ReadingImportException(
                [.. missing.Select(m => new ReadingImportError(1, m, $"the header has no '{m}' column (it has: {string.Join(", ", names)})."))], missing.Count);
        }

        var (device, time, kind) = (Index(deviceColumn!), Index(TimeColumn), Index(EventColumn));
        var rows = new List<MeterEventRow>();
        var errors = new List<ReadingImportError>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var code = device < row.ColCount ? row[device].ToString().Trim() : string.Empty;
            var text = time < row.ColCount ? row[time].ToString().Trim() : string.Empty;
            var name = kind < row.ColCount ? row[kind].ToString().Trim() : string.Empty;
            var error = Check(code, text, name, utcOffset, nowUtc, out var at, out var canonical);
            if (error is not null)
            {
                errors.Add(new ReadingImportError(line, error.Value.Field switch { "device" => deviceColumn!, "time" => TimeColumn, _ => EventColumn }, error.Value.Reason, code.Length > 0 ? code : null));
                continue;
            }

            rows.Add(new MeterEventRow(line, code, at, canonical!));
        }

        if (errors.Count > 0)
        {
            throw MeterEventErrors.Rejected(errors, maxErrors);
        }

        return rows.Count == 0
            ? throw new ReadingImportException([new ReadingImportError(1, EventColumn, "the file has no events.")], 1)
            : new MeterEventBatch(rows, Path.GetFileName(path));
    }

    /// <summary>One event's rule check, shared with the API: the failing field (device, time or event) and why, or null.</summary>
    public static (string Field, string Reason)? Check(string device, string time, string kind, TimeSpan? utcOffset, DateTime nowUtc, out DateTime occurredAtUtc, out string? canonical)
    {
        occurredAtUtc = default;
        canonical = MeterEventKinds.Parse(kind);
        if (device.Length is 0 or > 64)
        {
            return ("device", "the device (meter number or transformer code, at most 64 characters) is missing.");
        }

        var hasOffset = OffsetSuffix().IsMatch(time);
        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return ("time", $"'{time}' is not an ISO 8601 time.");
        }

        if (!hasOffset && utcOffset is null)
        {
            return ("time", $"'{time}' has no UTC offset; give the offset the file's times were taken in (e.g. --utc-offset +08:00).");
        }

        occurredAtUtc = hasOffset ? parsed.UtcDateTime : parsed.UtcDateTime - utcOffset!.Value;
        if (occurredAtUtc < new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) || occurredAtUtc > nowUtc.AddMinutes(15))
        {
            return ("time", $"clock error: {time} is before 2000 or in the future.");
        }

        return canonical is null ? ("event", $"'{kind}' is not an event kind; one of {string.Join(", ", MeterEventKinds.All)}.") : null;
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
