using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// The checks that need the whole batch, run inside its transaction after the rows are in: clock errors and
/// conflicting duplicates reject the batch (with the lines that caused it); exact copies collapse to one; readings an
/// earlier batch already stored are set aside, so overlapping files never store anything twice.
/// </summary>
internal sealed class ReadingBatchChecks(
    DuckDBConnection connection,
    ReadingTable table,
    ReadingSource source,
    ReadingImportRequest request,
    VeeSettings vee,
    DateTime now,
    int batchNo)
{
    /// <summary>Throws when a row breaks the clock rule or a duplicate disagrees; returns how many exact copies were dropped.</summary>
    public async Task<long> RejectOrCollapseAsync(CancellationToken cancellationToken)
    {
        await ReadingImporter.Execute(connection, ReadingBatchSql.BatchDays(table, vee, now, batchNo), cancellationToken);
        var (bad, copies) = await PairAsync($"SELECT coalesce(sum(bad), 0), coalesce(sum(n - {ReadingBatchSql.Count("lo", "hi")}), 0) FROM batch_days", cancellationToken);
        var locator = new ReadingErrorLocator(request, source);
        if (bad > 0)
        {
            var keys = new List<(string Device, DateTime Start, string Reason)>();
            await using var command = connection.CreateCommand();
            command.CommandText = ReadingBatchSql.BadRows(table, vee, now, batchNo);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetString(2)));
            }

            throw new ReadingImportException(locator.ClockErrors(keys, vee), bad);
        }

        if (copies == 0)
        {
            return 0;
        }

        var conflicting = new List<(string Device, DateTime Start)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = ReadingBatchSql.Duplicates(table, batchNo);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken) && ReadingImporter.Int64(reader.GetValue(3)) > 1)
            {
                conflicting.Add((reader.GetString(0), reader.GetDateTime(1)));
            }
        }

        if (conflicting.Count > 0)
        {
            throw new ReadingImportException(locator.Conflicts(conflicting, vee.MaxErrors), conflicting.Count);
        }

        var dropped = await ReadingImporter.Execute(connection, ReadingBatchSql.DeleteCopies(table, batchNo), cancellationToken);
        await ReadingImporter.Execute(connection, ReadingBatchSql.BatchDays(table, vee, now, batchNo), cancellationToken);
        return dropped;
    }

    /// <summary>Removes this batch's readings that an earlier batch stored; returns (set aside, of which with another value).</summary>
    public async Task<(long AlreadyStored, long Conflicts)> SetAsideOverlapAsync(CancellationToken cancellationToken)
    {
        await ReadingImporter.Execute(connection, ReadingBatchSql.Overlap(table), cancellationToken);
        if (ReadingImporter.Int64(await ReadingImporter.Scalar(connection, "SELECT count(*) FROM overlap", cancellationToken)) == 0)
        {
            return (0, 0);
        }

        var conflicts = ReadingImporter.Int64(await ReadingImporter.Scalar(connection, ReadingBatchSql.Conflicts(table, batchNo), cancellationToken));
        var setAside = await ReadingImporter.Execute(connection, ReadingBatchSql.DeleteOverlap(table, batchNo), cancellationToken);
        await ReadingImporter.Execute(connection, ReadingBatchSql.BatchDays(table, vee, now, batchNo), cancellationToken);
        return (setAside, conflicts);
    }

    /// <summary>Stores the per-phase values; <paramref name="clean"/>: no energy reading was dropped, so none need matching.</summary>
    public async Task<long> PhaseRowsAsync(bool clean, CancellationToken cancellationToken)
    {
        var bad = new List<(string Device, DateTime Start, string Fields)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = ReadingBatchSql.PhaseErrors(source, vee);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                bad.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetString(2).Trim()));
            }
        }

        if (bad.Count > 0)
        {
            throw new ReadingImportException(new ReadingErrorLocator(request, source).PhaseErrors(bad), bad.Count);
        }

        return await ReadingImporter.Execute(connection, ReadingBatchSql.PhaseRows(source, batchNo, clean), cancellationToken);
    }

    public async Task<ReadingBatchSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var quality = new Dictionary<string, long>
        {
            [MeterQuality.Valid] = 0,
            [MeterQuality.Spike] = 0,
            [MeterQuality.Negative] = 0,
            [MeterQuality.Implausible] = 0,
        };
        await using (var flagged = connection.CreateCommand())
        {
            flagged.CommandText = ReadingBatchSql.FlaggedCounts(table, batchNo);
            await using var counts = await flagged.ExecuteReaderAsync(cancellationToken);
            while (await counts.ReadAsync(cancellationToken))
            {
                quality[counts.GetString(0)] = ReadingImporter.Int64(counts.GetValue(1));
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(sum(n), 0), min(day), max(day) FROM batch_days";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        quality[MeterQuality.Valid] = ReadingImporter.Int64(reader.GetValue(0)) - quality.Values.Sum();
        DateOnly? first = reader.IsDBNull(1) ? null : DateOnly.FromDateTime(reader.GetDateTime(1));
        DateOnly? last = reader.IsDBNull(2) ? null : DateOnly.FromDateTime(reader.GetDateTime(2));
        var unknown = ReadingImporter.Int64(await ReadingImporter.Scalar(connection, ReadingBatchSql.UnknownDevices(table), cancellationToken));
        return new ReadingBatchSummary(quality, unknown, first, last);
    }

    public Task<(long IncompleteDays, long Missing)> CompletenessAsync(CancellationToken cancellationToken) =>
        PairAsync(ReadingBatchSql.Completeness(table), cancellationToken);

    private async Task<(long, long)> PairAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (ReadingImporter.Int64(reader.GetValue(0)), ReadingImporter.Int64(reader.GetValue(1)));
    }
}

internal sealed record ReadingBatchSummary(IReadOnlyDictionary<string, long> Quality, long UnknownDevices, DateOnly? FirstDay, DateOnly? LastDay);
