using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// Identifies a batch by its content and by how it is to be read (target, interval, offset, column mapping): the same
/// file imported again is recognised, while the same bytes read differently are a different batch. XXH128 hashes at
/// memory speed, so even a multi-gigabyte file costs a fraction of its load time.
/// </summary>
internal static class ReadingContentHash
{
    public static string Of(ReadingImportRequest request)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(string.Join(
            '|',
            request.Target,
            request.Format?.ToString() ?? "auto",
            request.IntervalMinutes.ToString(CultureInfo.InvariantCulture),
            request.UtcOffset?.ToString() ?? "none",
            request.Device ?? string.Empty,
            string.Join(';', request.Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value)))));
        if (request.Query is { } query)
        {
            hash.Append(Encoding.UTF8.GetBytes(query));
        }
        else if (request.Rows is { } rows)
        {
            foreach (var row in rows)
            {
                hash.Append(Encoding.UTF8.GetBytes(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.Device}|{row.IntervalStart.UtcTicks}|{row.IntervalMinutes}|{row.Kwh}|{row.VoltageA}|{row.VoltageB}|{row.VoltageC}|{row.CurrentA}|{row.CurrentB}|{row.CurrentC}\n")));
            }
        }
        else
        {
            using var file = new FileStream(request.Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            hash.Append(file);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
