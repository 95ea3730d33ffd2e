namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// What a committed (or already committed) batch stored. Flagged readings are stored with their flag; overlapping
/// readings are those an earlier batch already stored for the same device and interval (the earlier value is kept,
/// <see cref="Conflicts"/> counts the overlapping ones whose value differed).
/// </summary>
public sealed record ReadingImportResult(
    int BatchNo,
    bool AlreadyImported,
    long Stored,
    long PhaseRows,
    IReadOnlyDictionary<string, long> Quality,
    long DuplicatesInBatch,
    long AlreadyStored,
    long Conflicts,
    long UnknownDevices,
    long IncompleteDays,
    long MissingIntervals,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    TimeSpan Elapsed);

/// <summary>A rejected row: its file line (or position in the request) when known, the column, and why.</summary>
public sealed record ReadingImportError(long? Line, string Field, string Reason, string? Device = null, DateTime? IntervalStart = null);

/// <summary>The batch was rejected as a whole; nothing of it was stored.</summary>
public sealed class ReadingImportException(IReadOnlyList<ReadingImportError> errors, long totalErrors)
    : Exception($"The batch was rejected: {totalErrors} row(s) failed validation; nothing was stored.")
{
    public IReadOnlyList<ReadingImportError> Errors { get; } = errors;

    public long TotalErrors { get; } = totalErrors;
}
