using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// Work order numbers, unique per bureau prefix and China date (DF20261127-000123) across every app instance. An
/// instance reserves a block of numbers at a time on the day's counter row, in a short transaction of its own, and
/// hands them out from memory; so no intake transaction ever waits on the counter row, and a bureau's new orders are
/// not serialised (ADR 0011). Numbers a batch leased but did not use — fewer new orders than contacts, a refused
/// contact — go back to the pool. Numbers of a batch that failed, and reserved numbers still unused when the instance
/// stops, are never given out; instances interleave their blocks: numbers are unique, not gapless or in time order.
/// </summary>
public sealed class OrderNumbers(IDbContextFactory<AppDbContext> dbFactory, IOptions<IntakeOptions> options) : IDisposable
{
    // Leftovers of days this far behind the newest day asked for are dropped (a gap) rather than kept in memory.
    private const int DaysKept = 2;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<(string Prefix, DateOnly Day), SortedSet<int>> free = [];

    /// <summary>Takes enough numbers for the possible new orders of a batch, reserving a block where the pool runs short.</summary>
    public async Task<NumberLease> LeaseAsync(IEnumerable<(string Prefix, DateTime ReceivedAtUtc)> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var wanted = orders.GroupBy(o => (o.Prefix, ChinaTime.DateOf(o.ReceivedAtUtc))).ToDictionary(g => g.Key, g => g.Count());
        var leased = new Dictionary<(string, DateOnly), SortedSet<int>>();
        if (wanted.Count == 0)
        {
            return new NumberLease(this, leased);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var oldest = wanted.Keys.Max(k => k.Item2).AddDays(-DaysKept);
            foreach (var stale in free.Where(f => f.Value.Count == 0 || f.Key.Day < oldest).Select(f => f.Key).ToList())
            {
                free.Remove(stale);
            }

            foreach (var ((prefix, day), count) in wanted)
            {
                var pool = free.TryGetValue((prefix, day), out var existing) ? existing : free[(prefix, day)] = [];
                if (pool.Count < count)
                {
                    var block = Math.Max(count - pool.Count, options.Value.NumberBlock);
                    var last = await ReserveAsync(prefix, day, block, cancellationToken);
                    pool.UnionWith(Enumerable.Range(last - block + 1, block));
                }

                leased[(prefix, day)] = [.. pool.Take(count)];
                pool.ExceptWith(leased[(prefix, day)]);
            }
        }
        finally
        {
            gate.Release();
        }

        return new NumberLease(this, leased);
    }

    public void Dispose() => gate.Dispose();

    internal void GiveBack(Dictionary<(string, DateOnly), SortedSet<int>> unused)
    {
        gate.Wait();
        try
        {
            foreach (var (key, numbers) in unused.Where(u => u.Value.Count > 0))
            {
                (free.TryGetValue(key, out var pool) ? pool : free[key] = []).UnionWith(numbers);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> ReserveAsync(string prefix, DateOnly date, int block, CancellationToken cancellationToken)
    {
        var day = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = (await db.Database
            .SqlQuery<int>($"""
                INSERT INTO "WorkOrderCounters" ("Prefix", "Day", "Last") VALUES ({prefix}, {day}, {block})
                ON CONFLICT ("Prefix", "Day") DO UPDATE SET "Last" = "WorkOrderCounters"."Last" + {block}
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken)).Single();
        return last <= WorkOrderNumber.MaxSequence
            ? last
            : throw new InvalidOperationException($"{prefix} has given out all {WorkOrderNumber.MaxSequence} numbers of {day}.");
    }
}

/// <summary>
/// The numbers one batch may give its new orders; those it did not take go back to the pool when disposed. Taken
/// numbers are gone even if the batch then fails: were it committed after all, they would otherwise come round again.
/// </summary>
public sealed class NumberLease(OrderNumbers pool, Dictionary<(string, DateOnly), SortedSet<int>> numbers) : IDisposable
{
    /// <summary>The lowest number leased for the bureau and day and not yet taken.</summary>
    public WorkOrderNumber Peek(string prefix, DateTime receivedAtUtc) =>
        WorkOrderNumber.For(prefix, receivedAtUtc, numbers[(prefix, ChinaTime.DateOf(receivedAtUtc))].Min);

    /// <summary>The order <paramref name="number"/> was peeked for was received: the number is used.</summary>
    public void Take(WorkOrderNumber number) => numbers[(number.Prefix, number.Date)].Remove(number.Sequence);

    public void Dispose() => pool.GiveBack(numbers);
}
