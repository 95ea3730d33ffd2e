using System.Globalization;
using System.IO.Hashing;
using System.Text;
using DuckDB.NET.Data;
using GridCare.Analytics.MeterData.Import;

namespace GridCare.Analytics.MeterData.Events;

/// <summary>
/// Stores a batch of events in <c>meter_events</c>, all or nothing, with the same bookkeeping as readings: the events
/// and the batch record commit in one DuckDB transaction (a killed process leaves nothing of the batch), a batch
/// whose content was stored before stores nothing again, and an event an earlier batch already stored (same device,
/// instant and kind) is set aside, so overlapping exports never store anything twice.
/// </summary>
public sealed class MeterEventImporter(MeterStore store, TimeProvider time)
{
    public async Task<MeterEventImportResult> ImportAsync(MeterEventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var hash = Hash(batch.Rows);
        using var writing = await store.AcquireWriterAsync(cancellationToken);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using (var existing = connection.CreateCommand())
        {
            existing.CommandText = "SELECT batch_no, row_count FROM import_batches WHERE content_hash = $hash";
            existing.Parameters.Add(new DuckDBParameter("hash", hash));
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new MeterEventImportResult(reader.GetInt32(0), true, reader.GetInt64(1), 0, 0, 0, new Dictionary<string, long>());
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batchNo = Convert.ToInt32(await ReadingImporter.Scalar(connection, "SELECT coalesce(max(batch_no), 0) + 1 FROM import_batches", cancellationToken), CultureInfo.InvariantCulture);
        await ReadingImporter.Execute(connection, "CREATE OR REPLACE TEMP TABLE incoming_events (device VARCHAR, occurred_at TIMESTAMP, kind VARCHAR)", cancellationToken);
        using (var appender = connection.CreateAppender("incoming_events"))
        {
            foreach (var row in batch.Rows)
            {
                appender.CreateRow().AppendValue(row.Device).AppendValue(DateTime.SpecifyKind(row.OccurredAtUtc, DateTimeKind.Unspecified)).AppendValue(row.Kind).EndRow();
            }
        }

        var distinct = ReadingImporter.Int64(await ReadingImporter.Scalar(connection, "SELECT count(*) FROM (SELECT DISTINCT device, occurred_at, kind FROM incoming_events)", cancellationToken));
        var stored = await ReadingImporter.Execute(
            connection,
            $"""
            INSERT INTO meter_events (device_code, occurred_at, kind, batch_no)
            SELECT DISTINCT i.device, i.occurred_at, i.kind, {batchNo} FROM incoming_events i
            WHERE NOT EXISTS (SELECT 1 FROM meter_events e WHERE e.device_code = i.device AND e.occurred_at = i.occurred_at AND e.kind = i.kind)
            """,
            cancellationToken);
        var unknown = ReadingImporter.Int64(await ReadingImporter.Scalar(
            connection,
            "SELECT count(DISTINCT device) FROM incoming_events i WHERE device NOT IN (SELECT meter_no FROM meter_directory) AND device NOT IN (SELECT transformer_code FROM transformer_directory)",
            cancellationToken));
        // Tampering and reverse-flow events are evidence of the early-warning rules, which run on analysed days.
        await ReadingImporter.Execute(
            connection,
            $"INSERT INTO analysis_queue SELECT DISTINCT {ReadingBatchSql.DayOf("occurred_at")}, TIMESTAMP '{time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}' FROM meter_events WHERE batch_no = {batchNo} "
            + $"AND kind IN ({string.Join(", ", MeterEventKinds.Tampering.Append(MeterEventKinds.ReverseFlow).Select(k => $"'{k}'"))}) "
            + "ON CONFLICT (day) DO UPDATE SET queued_at = excluded.queued_at",
            cancellationToken);
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT kind, count(*) FROM meter_events WHERE batch_no = {batchNo} GROUP BY kind ORDER BY kind";
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kinds[reader.GetString(0)] = ReadingImporter.Int64(reader.GetValue(1));
            }
        }

        await ReadingImporter.RecordBatchAsync(connection, batchNo, batch.Source, hash, stored, time.GetUtcNow().UtcDateTime, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new MeterEventImportResult(batchNo, false, stored, batch.Rows.Count - distinct, distinct - stored, unknown, kinds);
    }

    /// <summary>The events' content, marked as events so it can never equal a readings batch's hash.</summary>
    private static string Hash(IReadOnlyList<MeterEventRow> rows)
    {
        var hash = new XxHash128();
        hash.Append("events\n"u8);
        foreach (var row in rows)
        {
            hash.Append(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{row.Device}|{row.OccurredAtUtc.Ticks}|{row.Kind}\n")));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
