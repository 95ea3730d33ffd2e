using GridCare.Features.Sla;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Platform.Database;

/// <summary>
/// Applies the provider's migrations and the data a new database starts with (the default SLA policies); used on
/// start in demo and development, and by <c>gridcare migrate</c>.
/// </summary>
public sealed partial class DatabaseMigrator(AppDbContext db, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets the console read while an import writes; the setting is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await DatabaseStatistics.EnsureAsync(db, cancellationToken);
        await SeedSlaDefaults.EnsureAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations: {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, IReadOnlyList<string> migrations);
}
