using GridCare.Domain.Outages;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>
/// The planned-outage clock: queues the reminder <see cref="OutagesOptions.ReminderMinutes"/> before each cut and
/// starts each scheduled outage at its planned start (unless a dispatcher recorded the cut earlier), opening its
/// interruption records. Each outage changes under its version, so two instances never remind or start it twice.
/// </summary>
public sealed class RunOutageSchedule(AppDbContext db, IOptions<OutagesOptions> options, TimeProvider time)
{
    public const string Actor = "system";

    /// <returns>How many reminders were queued and outages started.</returns>
    public async Task<(int Reminded, int Started)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var remindFrom = now.AddMinutes(options.Value.ReminderMinutes);
        var due = await db.Set<Outage>()
            .Where(o => o.Status == OutageStatus.Scheduled && (o.PlannedStart <= now || (o.ReminderQueuedAt == null && o.PlannedStart <= remindFrom)))
            .OrderBy(o => o.PlannedStart)
            .Select(o => o.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var (reminded, started) = (0, 0);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var outage = await db.Set<Outage>().Include(o => o.Customers).Include(o => o.Entries).AsSplitQuery().FirstAsync(o => o.Id == id, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var remind = outage.ReminderQueuedAt is null && outage.PlannedStart > now;
            if (remind)
            {
                outage.ReminderQueued(now, Actor);
                await OutageNotices.ReminderAsync(db, outage, cancellationToken);
            }
            else
            {
                outage.Start(outage.PlannedStart!.Value, Actor);
                await OutageInterruptions.StartAsync(db, outage, outage.PlannedStart!.Value, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                (reminded, started) = remind ? (reminded + 1, started) : (reminded, started + 1);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance (or a dispatcher) changed it first; the next run sees the new state.
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        return (reminded, started);
    }
}
