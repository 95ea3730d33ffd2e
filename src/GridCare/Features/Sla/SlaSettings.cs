using GridCare.Domain.Sla;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Sla;

/// <summary>
/// The SLA settings deadlines are counted by, as one snapshot: the business calendar (shipped notices plus the days
/// administrators stored), the enabled policies, and the revision they belong to. It is loaded when the host
/// starts (<see cref="SlaSettingsWatcher"/>), reloaded at once after an edit in this instance, and in every other
/// instance within <see cref="SlaOptions.SettingsRefreshSeconds"/>, when the watcher sees the revision move.
/// </summary>
public sealed class SlaSettings(IDbContextFactory<AppDbContext> dbFactory, IOptions<SlaOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? current;

    /// <summary>The clock of the current calendar; it carries the revision and the warning percentage.</summary>
    public SlaClock Clock => Current.Clock;

    /// <summary>The enabled policies.</summary>
    public IReadOnlyList<SlaPolicy> Policies => Current.Policies;

    public int Revision => Current.Clock.SettingsRevision;

    /// <summary>The dates whose entry was stored by an administrator rather than shipped.</summary>
    public IReadOnlySet<DateOnly> EditedDates => Current.EditedDates;

    private Snapshot Current => current
        ?? throw new InvalidOperationException("The SLA settings are loaded when the host starts; this host was not started.");

    /// <summary>
    /// Reads the settings revision and reloads when it moved (or nothing is loaded yet); true when it reloaded.
    /// One small query when nothing changed, so every instance can call it every few seconds.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (current is null)
            {
                await SeedSlaDefaults.EnsureAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            var revision = await SlaRevisions.CurrentAsync(db, cancellationToken);
            if (current is { } loaded && loaded.Clock.SettingsRevision >= revision)
            {
                return false;
            }

            // Read after the revision: the data is at least as new as the number, never older.
            var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
            var policies = await db.Set<StoredSlaPolicy>().AsNoTracking().Where(p => p.IsEnabled).ToListAsync(cancellationToken);
            var calendar = BusinessCalendar.ChinaMainland().With(days.Select(d => d.ToEntry()));
            var clock = new SlaClock(calendar) { SettingsRevision = revision, WarningPercent = options.Value.WarningPercent };
            current = new Snapshot(clock, [.. policies.Select(p => p.ToPolicy())], days.Select(d => d.Date).ToHashSet());
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record Snapshot(SlaClock Clock, IReadOnlyList<SlaPolicy> Policies, IReadOnlySet<DateOnly> EditedDates);
}
