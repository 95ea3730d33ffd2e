using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

/// <summary>
/// The business calendar deadlines are counted on: the shipped notices plus the days administrators stored. It is
/// loaded from the database on first use and replaced after every edit, so new deadlines use the edited calendar
/// at once; deadlines already computed are not recomputed.
/// </summary>
/// <remarks>
/// Each instance holds its own copy: with several instances, an edit reaches the others when they restart.
/// </remarks>
public sealed class SlaCalendar(IDbContextFactory<AppDbContext> dbFactory) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? current;

    /// <summary>The clock of the current calendar.</summary>
    public SlaClock Clock => Current.Clock;

    /// <summary>The dates whose entry was stored by an administrator rather than shipped.</summary>
    public IReadOnlySet<DateOnly> EditedDates => Current.EditedDates;

    private Snapshot Current
    {
        get
        {
            if (current is { } snapshot)
            {
                return snapshot;
            }

            // First use, usually from a request's DI scope that cannot await: load once, synchronously.
            gate.Wait();
            try
            {
                if (current is null)
                {
                    using var db = dbFactory.CreateDbContext();
                    current = Build([.. db.Set<CalendarDay>().AsNoTracking()]);
                }

                return current;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>Reads the stored days again; call after saving an edit.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            current = Build(await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    private static Snapshot Build(List<CalendarDay> stored)
    {
        var calendar = BusinessCalendar.ChinaMainland().With(stored.Select(d => d.ToEntry()));
        return new Snapshot(new SlaClock(calendar), stored.Select(d => d.Date).ToHashSet());
    }

    public void Dispose() => gate.Dispose();

    private sealed record Snapshot(SlaClock Clock, IReadOnlySet<DateOnly> EditedDates);
}
