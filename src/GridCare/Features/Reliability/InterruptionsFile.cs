using GridCare.Analytics.Reliability;
using GridCare.Platform.Imports;

namespace GridCare.Features.Reliability;

/// <summary>The customer interruptions of an interruptions CSV, and whether it said what caused them.</summary>
internal sealed record InterruptionRows(IReadOnlyList<CustomerInterruption> Interruptions, bool HasCauseColumn);

/// <summary>
/// Reads an interruptions CSV: one row per customer interruption, <c>event_id,customer_id,interrupted_at,restored_at</c>
/// and optionally <c>cause</c>. Every row is checked before anything is calculated, and every problem names the file,
/// line and column, because a wrong row silently changes an index a regulator will see.
/// </summary>
internal static class InterruptionsFile
{
    public static readonly string[] Columns = ["event_id", "customer_id", "interrupted_at", "restored_at"];

    public static readonly string[] OptionalColumns = ["cause"];

    /// <summary>Cause values meaning DL/T 836's "insufficient system supply" (系统电源不足限电); any other cause is "other".</summary>
    public static readonly string[] SupplyShortageCauses = ["supply_shortage", "supply-shortage", "supply shortage", "limited_supply", "限电", "有序用电", "系统电源不足", "电源不足限电", "系统电源不足限电"];

    public static async Task<(InterruptionRows Rows, List<ImportError> Errors)> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, Columns, OptionalColumns, cancellationToken);
        var rows = new List<(CustomerInterruption Interruption, int Line)>();
        foreach (var record in records)
        {
            var eventId = record.Required("event_id");
            var customerId = record.Required("customer_id");
            var interruptedAt = Instant(record, "interrupted_at");
            var restoredAt = Instant(record, "restored_at");
            if (interruptedAt is null || restoredAt is null || eventId.Length == 0 || customerId.Length == 0)
            {
                continue;
            }

            if (restoredAt < interruptedAt)
            {
                record.Error("restored_at", $"'{record.Optional("restored_at")}' is before interrupted_at '{record.Optional("interrupted_at")}'");
                continue;
            }

            rows.Add((new CustomerInterruption(eventId, customerId, interruptedAt.Value, restoredAt.Value, Cause(record.Optional("cause"))), record.Line));
        }

        errors.AddRange(Overlaps(rows, fileName));
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        var hasCause = records.Count > 0 && records[0].HasColumn("cause");
        return (new InterruptionRows(rows.Select(r => r.Interruption).ToList(), hasCause), errors);
    }

    private static DateTimeOffset? Instant(CsvRecord record, string column)
    {
        var text = record.Required(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (IsoTime.TryParseInstant(text, out var value))
        {
            return value;
        }

        record.Error(column, $"'{text}' is not an ISO 8601 date and time with an offset, such as {IsoTime.InstantExample}");
        return null;
    }

    private static InterruptionCause Cause(string? text) =>
        text is not null && SupplyShortageCauses.Contains(text, StringComparer.OrdinalIgnoreCase) ? InterruptionCause.SupplyShortage : InterruptionCause.Other;

    // A customer cannot lose supply twice at once: overlapping rows (a duplicate, or a step restoration entered twice)
    // would count the same minutes twice in SAIDI.
    private static IEnumerable<ImportError> Overlaps(List<(CustomerInterruption Interruption, int Line)> rows, string fileName)
    {
        foreach (var customer in rows.GroupBy(r => r.Interruption.CustomerId, StringComparer.Ordinal))
        {
            var ordered = customer.OrderBy(r => r.Interruption.InterruptedAt).ThenBy(r => r.Line).ToList();
            var latest = ordered[0];
            foreach (var row in ordered.Skip(1))
            {
                if (row.Interruption.InterruptedAt < latest.Interruption.RestoredAt || row.Interruption.InterruptedAt == latest.Interruption.InterruptedAt)
                {
                    yield return new ImportError(
                        fileName, Math.Max(row.Line, latest.Line), "interrupted_at",
                        $"customer {customer.Key} is already interrupted from {IsoTime.Format(latest.Interruption.InterruptedAt)} to {IsoTime.Format(latest.Interruption.RestoredAt)} (line {Math.Min(row.Line, latest.Line)})");
                }

                if (row.Interruption.RestoredAt > latest.Interruption.RestoredAt)
                {
                    latest = row;
                }
            }
        }
    }
}
