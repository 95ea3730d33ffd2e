using Microsoft.EntityFrameworkCore;

namespace GridCare.Platform.Database;

/// <summary>
/// Refreshes the query planner's statistics. Without them SQLite picks the org-unit index for every customer query
/// and scans the whole table (250 ms instead of a few at city size); PostgreSQL's autovacuum would get there, but
/// only minutes after a bulk load.
/// </summary>
public static class DatabaseStatistics
{
    /// <summary>After a bulk change: a seed or an import.</summary>
    public static async Task RefreshAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
    }

    /// <summary>At start: a SQLite file that was never analysed (an older data directory) is analysed once.</summary>
    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var analysed = await db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'")
            .SingleAsync(cancellationToken);
        if (analysed == 0)
        {
            await RefreshAsync(db, cancellationToken);
        }
    }
}
