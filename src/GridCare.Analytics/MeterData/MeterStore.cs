using System.Reflection;
using DuckDB.NET.Data;
using GridCare.Analytics.MeterData.Import;

namespace GridCare.Analytics.MeterData;

/// <summary>
/// The embedded analytical store for meter readings and events: one DuckDB file in the data directory, owned by
/// this class alone. The relational database never joins into it (STYLE.md rule 13); jobs load it and endpoints read it.
/// </summary>
public sealed class MeterStore : IDisposable
{
    private const int SchemaVersion = 3;

    public MeterStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
    }

    public string DatabasePath { get; }

    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly Lock keeperGate = new();
    private DuckDBConnection? keeper;
    private bool disposed;

    /// <summary>
    /// Serialises the batches written by this process: each numbers itself after the last committed one and checks
    /// its overlap with what is stored, which two concurrent batches would both get wrong.
    /// </summary>
    public async Task<IDisposable> AcquireWriterAsync(CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken);
        return new Release(writer);
    }

    /// <summary>Creates the database file and its tables when they do not exist yet.</summary>
    public async Task InitializeAsync(TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = await OpenAsync(cancellationToken);
        await DropVersionOneAsync(connection, cancellationToken);
        var rebuildDayIndex = await DropVersionTwoDayIndexAsync(connection, cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = ReadSql("Schema.sql");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        if (rebuildDayIndex)
        {
            await RebuildDayIndexAsync(connection, cancellationToken);
        }

        // The analyses' derived tables (MeterData/Analysis) live in the same file, created after the readings.
        await using (var derived = connection.CreateCommand())
        {
            derived.CommandText = ReadSql("DerivedTables.sql");
            await derived.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var version = connection.CreateCommand();
        version.CommandText = "INSERT INTO schema_version SELECT $version, $now WHERE NOT EXISTS (SELECT 1 FROM schema_version WHERE version = $version)";
        version.Parameters.Add(new DuckDBParameter("version", SchemaVersion));
        version.Parameters.Add(new DuckDBParameter("now", time.GetUtcNow().UtcDateTime));
        await version.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Version 1 created its tables with TIMESTAMPTZ columns but nothing ever wrote to them, so an old file is
    /// upgraded by dropping them and creating version 2 afresh.
    /// </summary>
    private static async Task DropVersionOneAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'readings' AND data_type LIKE 'TIMESTAMP WITH TIME ZONE'";
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE readings; DROP TABLE IF EXISTS meter_events; DROP TABLE IF EXISTS import_batches; DROP TABLE IF EXISTS schema_version;";
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Version 2's day index had no valid_ sums. It is derived data, so an old file drops it here and
    /// <see cref="InitializeAsync"/> creates and refills it from the readings.
    /// </summary>
    private static async Task<bool> DropVersionTwoDayIndexAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM information_schema.tables t WHERE t.table_name = 'meter_days' AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = 'meter_days' AND c.column_name = 'valid_minutes')";
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE meter_days; DROP TABLE IF EXISTS terminal_days;";
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Recomputes the day index (meter_days, terminal_days) from the stored readings, in one transaction. The import
    /// keeps it current; this is for a store whose readings were written some other way, such as a generated one.
    /// </summary>
    public async Task RebuildDayIndexAsync(CancellationToken cancellationToken = default)
    {
        using var turn = await AcquireWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await RebuildDayIndexAsync(connection, cancellationToken);
    }

    private static async Task RebuildDayIndexAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var target in new[] { ReadingTarget.Meters, ReadingTarget.Terminals })
        {
            await using var rebuild = connection.CreateCommand();
            rebuild.CommandText = ReadingBatchSql.RebuildDays(ReadingTable.For(target));
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        KeepOpen();
        var connection = new DuckDBConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// DuckDB.NET closes a database file when its last connection closes, and the next connection opens it again:
    /// the catalog read anew and every block read cold. One connection held for the store's lifetime keeps the file
    /// open, so a short read such as a customer's profile costs its query rather than a re-open of the whole store.
    /// </summary>
    private void KeepOpen()
    {
        if (Volatile.Read(ref keeper) is not null)
        {
            return;
        }

        lock (keeperGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (keeper is null)
            {
                var connection = new DuckDBConnection($"Data Source={DatabasePath}");
                connection.Open();
                Volatile.Write(ref keeper, connection);
            }
        }
    }

    /// <summary>Counts the stored readings; the health view and tests use it to see the store is live.</summary>
    public async Task<long> CountReadingsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM readings";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        lock (keeperGate)
        {
            disposed = true;
            keeper?.Dispose();
            keeper = null;
        }

        writer.Dispose();
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private static string ReadSql(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
