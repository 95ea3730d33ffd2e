using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.MeterData.Events;

/// <summary>A stored event.</summary>
public sealed record StoredMeterEvent(string Device, DateTime OccurredAtUtc, string Kind);

/// <summary>Reads the stored events of given devices (a customer's meters, a transformer's terminal), newest first.</summary>
public sealed class MeterEventReader(MeterStore store)
{
    public Task<List<StoredMeterEvent>> ForDevicesAsync(IReadOnlyCollection<string> devices, DateTime fromUtc, DateTime toUtc, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return devices.Count == 0
            ? Task.FromResult(new List<StoredMeterEvent>())
            : AnalysisRows.ListAsync(
                store,
                """
                SELECT DISTINCT device_code, occurred_at, kind FROM meter_events
                WHERE device_code IN (SELECT unnest(string_split($devices, ','))) AND occurred_at >= $from AND occurred_at < $to
                ORDER BY occurred_at DESC, device_code, kind LIMIT $limit
                """,
                r => new StoredMeterEvent(r.Text("device_code")!, r.Utc("occurred_at")!.Value, r.Text("kind")!),
                cancellationToken,
                ("devices", string.Join(',', devices)), ("from", Plain(fromUtc)), ("to", Plain(toUtc)), ("limit", limit));
    }

    private static DateTime Plain(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
}
