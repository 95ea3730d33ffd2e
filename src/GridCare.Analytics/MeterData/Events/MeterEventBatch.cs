using GridCare.Analytics.MeterData.Import;

namespace GridCare.Analytics.MeterData.Events;

/// <summary>One event: the device (meter number or transformer code), when (UTC) and what; <see cref="Line"/> is its file line or request position.</summary>
public sealed record MeterEventRow(long Line, string Device, DateTime OccurredAtUtc, string Kind);

/// <summary>What a committed (or already committed) event batch stored.</summary>
public sealed record MeterEventImportResult(
    int BatchNo, bool AlreadyImported, long Stored, long DuplicatesInBatch, long AlreadyStored, long UnknownDevices, IReadOnlyDictionary<string, long> Kinds);

/// <summary>
/// A batch of events, already parsed: from a file (<see cref="MeterEventFile"/>) or from the API. The content hash
/// is taken over the rows, so the same events re-sent (same file, same request) are recognised whatever their source.
/// </summary>
public sealed record MeterEventBatch(IReadOnlyList<MeterEventRow> Rows, string Source);

/// <summary>Rows that failed validation; nothing of the batch was stored. Errors are those of readings (line, field, reason).</summary>
public static class MeterEventErrors
{
    public static ReadingImportException Rejected(List<ReadingImportError> errors, int max) =>
        new([.. errors.OrderBy(e => e.Line).Take(max)], errors.Count);
}
