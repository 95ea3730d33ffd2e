using System.Globalization;
using nietras.SeparatedValues;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// Finds the file lines (or request positions) of the rows a batch check rejected. Runs only when a batch fails, so it
/// may read the file again row by row; the rules themselves stay in <see cref="ReadingBatchSql"/>.
/// </summary>
internal sealed class ReadingErrorLocator(ReadingImportRequest request, ReadingSource source)
{
    /// <summary>What the import stores for a missing or unreadable time (TIMESTAMP '0001-01-01').</summary>
    private static readonly DateTime Unreadable = DateTime.MinValue;

    public List<ReadingImportError> ClockErrors(IReadOnlyList<(string Device, DateTime Start, string Reason)> keys, VeeSettings vee)
    {
        var lines = Locate(keys.Select(k => (k.Device, k.Start)).ToList());
        return keys.Select(k => new ReadingImportError(
            lines.GetValueOrDefault((k.Device, k.Start)),
            k.Reason == "device" ? DeviceField : TimeField,
            k.Reason switch
            {
                "device" => "the device number is missing.",
                "time" => "the interval start is missing or unreadable.",
                "grid" => $"clock error: {Local(k.Start)} is not on the {request.IntervalMinutes}-minute grid.",
                "early" => $"clock error: {Local(k.Start)} is before {Local(vee.Earliest)}; the meter clock lost its time.",
                _ => $"clock error: the interval starting {Local(k.Start)} has not ended yet.",
            },
            k.Device,
            k.Start)).OrderBy(e => e.Line).ToList();
    }

    public List<ReadingImportError> Conflicts(IReadOnlyList<(string Device, DateTime Start)> keys, int max)
    {
        var all = LocateAll(keys.Take(max).ToList());
        return keys.Take(max).Select(k =>
        {
            var at = all.GetValueOrDefault((k.Device, k.Start)) ?? [];
            var others = string.Join(", ", at.Skip(1));
            return new ReadingImportError(
                at.FirstOrDefault() is var first && first > 0 ? first : null,
                ReadingColumns.Kwh,
                $"duplicate: {k.Device} {Local(k.Start)} appears again with a different value" + (others.Length > 0 ? $" (lines {others})." : "."),
                k.Device,
                k.Start);
        }).OrderBy(e => e.Line).ToList();
    }

    public List<ReadingImportError> PhaseErrors(IReadOnlyList<(string Device, DateTime Start, string Fields)> keys)
    {
        var lines = Locate(keys.Select(k => (k.Device, k.Start)).ToList());
        return keys.Select(k => new ReadingImportError(
            lines.GetValueOrDefault((k.Device, k.Start)),
            k.Fields.Split(' ')[0],
            $"implausible {k.Fields.Replace(" ", ", ", StringComparison.Ordinal)}: voltage must be 0–500 V and current not negative.",
            k.Device,
            k.Start)).OrderBy(e => e.Line).ToList();
    }

    /// <summary>DuckDB's own wording of a CSV parse error, cut to its first sentence.</summary>
    public static string ParseReason(string errorType, string message)
    {
        var first = message.Split('\n')[0].Trim();
        return errorType == "CAST" ? $"cannot read the value: {first}" : $"{errorType.ToLowerInvariant().Replace('_', ' ')}: {first}";
    }

    private string DeviceField => new ReadingNames(request).Device;

    private string TimeField => source.KeyColumn ?? ReadingColumns.IntervalStart;

    private Dictionary<(string, DateTime), long?> Locate(List<(string Device, DateTime Start)> keys) =>
        LocateAll(keys).ToDictionary(p => p.Key, p => p.Value.Count > 0 ? (long?)p.Value[0] : null);

    private Dictionary<(string, DateTime), List<long>> LocateAll(List<(string Device, DateTime Start)> keys)
    {
        var wanted = keys.ToDictionary(k => k, _ => new List<long>());
        if (request.Rows is not null)
        {
            foreach (var row in request.Rows)
            {
                var key = (row.Device.Trim(), row.IntervalStart.UtcDateTime);
                wanted.GetValueOrDefault(key)?.Add(row.Line);
            }
        }
        else if (request.Path is not null && source.Format != ReadingFormat.Parquet)
        {
            ScanFile(request.Path, wanted);
        }

        return wanted;
    }

    private void ScanFile(string path, Dictionary<(string, DateTime), List<long>> wanted)
    {
        var wide = source.Format == ReadingFormat.WideForm;
        var offset = request.UtcOffset ?? (wide ? TimeSpan.FromHours(8) : TimeSpan.Zero);
        using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var deviceIndex = source.DeviceColumn is null ? -1 : reader.Header.IndexOf(source.DeviceColumn);
        var keyIndex = reader.Header.IndexOf(source.KeyColumn!);
        var slots = wide ? reader.Header.ColNames.Count - keyIndex - 1 : 0;
        foreach (var row in reader)
        {
            var device = deviceIndex < 0 ? request.Device! : row[deviceIndex].ToString().Trim();
            var text = row[keyIndex].ToString().Trim();
            if (wide)
            {
                if (!DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day))
                {
                    continue;
                }

                var start = new DateTime(day, TimeOnly.MinValue, DateTimeKind.Utc) - offset;
                for (var slot = 0; slot < slots; slot++)
                {
                    wanted.GetValueOrDefault((device, start.AddMinutes(slot * 1440 / slots)))?.Add(row.LineNumberFrom);
                }

                continue;
            }

            var instant = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? (HasOffset(text) ? parsed.UtcDateTime : parsed.UtcDateTime - offset)
                : Unreadable;
            wanted.GetValueOrDefault((device, instant))?.Add(row.LineNumberFrom);
        }
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');

    private static string Local(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " +08:00";
}
