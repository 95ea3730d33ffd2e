using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// Imports one batch of interval readings into the meter store, all or nothing: the rows, their day masks, the
/// analysis queue and the batch record commit in one DuckDB transaction, so a process killed mid-import leaves the
/// store as it was (DuckDB rolls an uncommitted transaction back on reopen). A batch whose content was imported before
/// stores nothing again. The fast path lets DuckDB read the file itself and checks the batch afterwards; only when
/// something is wrong are the offending rows traced back to their file lines (<see cref="ReadingErrorLocator"/>).
/// </summary>
public sealed class ReadingImporter(MeterStore store, VeeSettings vee, TimeProvider time)
{
    public async Task<ReadingImportResult> ImportAsync(ReadingImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IntervalMinutes is < 1 or > 60 || 1440 % request.IntervalMinutes != 0)
        {
            throw new ReadingImportException([new ReadingImportError(null, "intervalMinutes", "must divide a day: 5, 15, 30 or 60.")], 1);
        }

        var started = Stopwatch.GetTimestamp();
        var hash = ReadingContentHash.Of(request);
        using var writing = await store.AcquireWriterAsync(cancellationToken);
        await using var connection = await store.OpenAsync(cancellationToken);
        await Execute(connection, $"SET memory_limit = {Sql.Literal(vee.MemoryLimit)}", cancellationToken);
        if (await ExistingBatchAsync(connection, hash, cancellationToken) is { } existing)
        {
            return existing with { Elapsed = Stopwatch.GetElapsedTime(started) };
        }

        var source = request switch
        {
            { Query: { } query } => ReadingSource.ForQuery(query, query.Contains(" AS va", StringComparison.Ordinal)),
            { Rows: { } rows } => ReadingSource.ForRows(rows.Any(r => r.HasPhases)),
            _ => ReadingSource.ForFile(request, path => DescribeParquet(connection, path)),
        };
        var table = ReadingTable.For(request.Target);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batchNo = Convert.ToInt32(await Scalar(connection, "SELECT coalesce(max(batch_no), 0) + 1 FROM import_batches", cancellationToken), CultureInfo.InvariantCulture);
        if (request.Rows is not null)
        {
            await ReadingRowsTable.FillAsync(connection, request.Rows, cancellationToken);
        }
        else if (source.HasPhases && request.Target == ReadingTarget.Meters && request.Query is null)
        {
            // The file is read once: the energy and the phase values both come from this staged copy.
            await Execute(connection, $"CREATE OR REPLACE TEMP TABLE staged AS {source.Select}", cancellationToken);
            await ThrowOnRejectsAsync(connection, cancellationToken);
            source = source.Staged();
        }

        await Execute(connection, ReadingBatchSql.Limits(table, vee, DateOnly.FromDateTime(now.AddHours(8)).AddDays(-30)), cancellationToken);
        var candidateKw = Convert.ToDouble(await Scalar(connection, ReadingBatchSql.CandidateKw(table, vee), cancellationToken), CultureInfo.InvariantCulture);
        var inserted = await Execute(connection, ReadingBatchSql.Insert(table, source, candidateKw, batchNo), cancellationToken);
        if (request.Path is not null)
        {
            await ThrowOnRejectsAsync(connection, cancellationToken);
        }

        await Execute(connection, ReadingBatchSql.Reclassify(table, vee, batchNo), cancellationToken);
        var checks = new ReadingBatchChecks(connection, table, source, request, vee, now, batchNo);
        var duplicates = await checks.RejectOrCollapseAsync(cancellationToken);
        var (alreadyStored, conflicts) = await checks.SetAsideOverlapAsync(cancellationToken);
        var phaseRows = source.HasPhases && request.Target == ReadingTarget.Meters ? await checks.PhaseRowsAsync(clean: duplicates + alreadyStored == 0, cancellationToken) : 0;
        var summary = await checks.SummaryAsync(cancellationToken);
        await Execute(connection, ReadingBatchSql.Days(table, batchNo), cancellationToken);
        await Execute(connection, ReadingBatchSql.Queue(now), cancellationToken);
        var (incompleteDays, missing) = await checks.CompletenessAsync(cancellationToken);
        var stored = inserted - duplicates - alreadyStored;
        await RecordBatchAsync(connection, batchNo, request.Source, hash, stored, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new ReadingImportResult(
            batchNo, false, stored, phaseRows, summary.Quality, duplicates, alreadyStored, conflicts, summary.UnknownDevices,
            incompleteDays, missing, summary.FirstDay, summary.LastDay, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<ReadingImportResult?> ExistingBatchAsync(DuckDBConnection connection, string hash, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT batch_no, row_count FROM import_batches WHERE content_hash = $hash";
        command.Parameters.Add(new DuckDBParameter("hash", hash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ReadingImportResult(
            reader.GetInt32(0), true, reader.GetInt64(1), 0, new Dictionary<string, long>(), 0, 0, 0, 0, 0, 0, null, null, TimeSpan.Zero);
    }

    /// <summary>Rows DuckDB's CSV reader could not parse, with the line numbers it recorded.</summary>
    private async Task ThrowOnRejectsAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (ReadingImporter.Int64(await Scalar(connection, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'reject_errors'", cancellationToken)) == 0)
        {
            return;
        }

        var total = ReadingImporter.Int64(await Scalar(connection, "SELECT count(*) FROM reject_errors", cancellationToken));
        if (total == 0)
        {
            return;
        }

        var errors = new List<ReadingImportError>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT line, column_name, error_type, error_message FROM reject_errors ORDER BY line LIMIT {vee.MaxErrors}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var field = reader.IsDBNull(1) ? "row" : reader.GetString(1);
            errors.Add(new ReadingImportError(ReadingImporter.Int64(reader.GetValue(0)), field, ReadingErrorLocator.ParseReason(reader.GetString(2), reader.GetString(3))));
        }

        throw new ReadingImportException(errors, total);
    }

    private static List<(string Name, string Type)> DescribeParquet(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({Sql.Literal(path)})";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>The batch's row in <c>import_batches</c>: its number, source, content hash and stored rows (readings or events).</summary>
    internal static async Task RecordBatchAsync(DuckDBConnection connection, int batchNo, string source, string hash, long rows, DateTime atUtc, CancellationToken cancellationToken)
    {
        await using var record = connection.CreateCommand();
        record.CommandText = "INSERT INTO import_batches VALUES ($batch, $source, $hash, $rows, $at)";
        record.Parameters.Add(new DuckDBParameter("batch", batchNo));
        record.Parameters.Add(new DuckDBParameter("source", source));
        record.Parameters.Add(new DuckDBParameter("hash", hash));
        record.Parameters.Add(new DuckDBParameter("rows", rows));
        record.Parameters.Add(new DuckDBParameter("at", atUtc));
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>DuckDB sums BIGINTs into HUGEINTs, which arrive as BigInteger.</summary>
    internal static long Int64(object? value) =>
        value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    internal static async Task<long> Execute(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<object?> Scalar(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
