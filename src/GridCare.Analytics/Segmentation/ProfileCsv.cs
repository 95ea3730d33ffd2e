using System.Globalization;

namespace GridCare.Analytics.Segmentation;

/// <summary>Profiles read from a file, the customers left out (a time of day with no reading at all) and the interval.</summary>
public sealed record ProfileFile(IReadOnlyList<LoadProfile> Profiles, int IntervalMinutes, IReadOnlyList<string> Skipped, IReadOnlyList<string> Errors);

/// <summary>
/// Reads profiles from CSV in either form, told apart by the header: long readings
/// <c>customer_id,interval_start,kwh</c> (ISO 8601 with offset; averaged per time of day into each customer's mean
/// day, at the interval the data has) or wide profiles <c>customer_id,v1,…,vN</c>. Every bad line is reported with its
/// number; a file with errors gives no profiles.
/// </summary>
public static class ProfileCsv
{
    private const int MaxErrors = 50;

    public static ProfileFile Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
        {
            return Failed($"{fileName}:1: the file is empty.");
        }

        var columns = header.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToArray();
        if (columns[0] != "customer_id" || columns.Length < 2)
        {
            return Failed($"{fileName}:1: expected the header customer_id,interval_start,kwh (readings) or customer_id,v1,…,vN (profiles), found '{header}'.");
        }

        return columns is [_, "interval_start", "kwh"] ? ReadLong(reader, fileName) : ReadWide(reader, fileName, columns.Length - 1);
    }

    private static ProfileFile ReadWide(TextReader reader, string fileName, int width)
    {
        var profiles = new List<LoadProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var number = 1;
        for (var line = reader.ReadLine(); line is not null && errors.Count < MaxErrors; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            var id = fields[0].Trim().Trim('"');
            if (fields.Length != width + 1)
            {
                errors.Add($"{fileName}:{number}: {fields.Length - 1} values, the header has {width}.");
                continue;
            }

            if (id.Length == 0 || !seen.Add(id))
            {
                errors.Add(id.Length == 0 ? $"{fileName}:{number}: customer_id is empty." : $"{fileName}:{number}: customer {id} appears twice.");
                continue;
            }

            var values = new double[width];
            for (var i = 0; i < width; i++)
            {
                if (!TryNumber(fields[i + 1], out values[i]))
                {
                    errors.Add($"{fileName}:{number}: value {i + 1} '{fields[i + 1]}' is not a finite number.");
                    break;
                }
            }

            profiles.Add(new LoadProfile(id, values));
        }

        return errors.Count > 0 ? new ProfileFile([], 0, [], errors) : new ProfileFile(profiles, width > 0 ? 1440 / Math.Max(1, width) : 0, [], []);
    }

    private static ProfileFile ReadLong(TextReader reader, string fileName)
    {
        // First pass collects each reading's customer, local minute of day and kWh; the interval is the largest that
        // divides every minute of day seen (30 for half-hourly data, 15 for quarter-hourly).
        var rows = new List<(string Customer, int Minute, double Kwh)>();
        var errors = new List<string>();
        var interval = 1440;
        var number = 1;
        for (var line = reader.ReadLine(); line is not null && errors.Count < MaxErrors; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                errors.Add($"{fileName}:{number}: {fields.Length} fields, expected customer_id,interval_start,kwh.");
                continue;
            }

            var id = fields[0].Trim().Trim('"');
            var time = fields[1].Trim().Trim('"');
            if (id.Length == 0)
            {
                errors.Add($"{fileName}:{number}: customer_id is empty.");
            }
            else if (!HasOffset(time) || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                errors.Add($"{fileName}:{number}: interval_start '{time}' is not ISO 8601 with a UTC offset (e.g. 2024-01-02T10:00:00+08:00).");
            }
            else if (!TryNumber(fields[2], out var kwh))
            {
                errors.Add($"{fileName}:{number}: kwh '{fields[2]}' is not a finite number.");
            }
            else
            {
                var minute = (start.Hour * 60) + start.Minute;
                interval = Gcd(interval, minute);
                rows.Add((id, minute, kwh));
            }
        }

        if (errors.Count > 0)
        {
            return new ProfileFile([], 0, [], errors);
        }

        var slots = 1440 / interval;
        var profiles = new List<LoadProfile>();
        var skipped = new List<string>();
        foreach (var customer in rows.GroupBy(r => r.Customer, StringComparer.Ordinal))
        {
            var sums = new double[slots];
            var counts = new int[slots];
            foreach (var (_, minute, kwh) in customer)
            {
                sums[minute / interval] += kwh;
                counts[minute / interval]++;
            }

            if (counts.Contains(0))
            {
                skipped.Add(customer.Key);
                continue;
            }

            profiles.Add(new LoadProfile(customer.Key, [.. sums.Select((s, i) => s / counts[i])]));
        }

        return new ProfileFile(profiles, interval, skipped, []);
    }

    private static bool HasOffset(string time) =>
        time.EndsWith('Z') || (time.Length > 16 && time[^6] is '+' or '-' && time[^3] == ':');

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static ProfileFile Failed(string error) => new([], 0, [], [error]);
}
