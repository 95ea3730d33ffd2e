using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// Work order numbers for the new orders of one intake batch, unique per bureau prefix and China date
/// (DF20261127-000123). The first number a batch needs for a bureau and day locks that day's counter row until the
/// batch commits, and the batch's save writes back the last number it used: numbers stay consecutive across any
/// number of app instances, a rolled-back batch gives its numbers back, and a batch takes the lock once, not once
/// per order (ADR 0008).
/// </summary>
public sealed class OrderNumbers(AppDbContext db)
{
    private readonly Dictionary<(string Prefix, string Day), WorkOrderCounter> counters = [];

    /// <summary>The number the next new order of this bureau and day gets; call inside the batch's transaction.</summary>
    public async Task<WorkOrderNumber> PeekAsync(string prefix, DateTime receivedAtUtc, CancellationToken cancellationToken)
    {
        var counter = await CounterAsync(prefix, receivedAtUtc, cancellationToken);
        return WorkOrderNumber.For(prefix, receivedAtUtc, counter.Last + 1);
    }

    /// <summary>The order that <see cref="PeekAsync"/>'s number was meant for was received: the number is used.</summary>
    public void Take(WorkOrderNumber number)
    {
        var counter = counters[(number.Prefix, Day(number.Date))];
        if (number.Sequence != counter.Last + 1)
        {
            throw new InvalidOperationException($"{number} is not the next number of its bureau and day.");
        }

        counter.Last = number.Sequence;
    }

    private async Task<WorkOrderCounter> CounterAsync(string prefix, DateTime receivedAtUtc, CancellationToken cancellationToken)
    {
        var day = Day(ChinaTime.DateOf(receivedAtUtc));
        if (counters.TryGetValue((prefix, day), out var counter))
        {
            return counter;
        }

        // One statement creates the day's row if needed, locks it and reads it; the update to the same value is what
        // takes the row lock on PostgreSQL (SQLite's immediate transaction holds the whole database already).
        var last = await db.Database
            .SqlQuery<int>($"""
                INSERT INTO "WorkOrderCounters" ("Prefix", "Day", "Last") VALUES ({prefix}, {day}, 0)
                ON CONFLICT ("Prefix", "Day") DO UPDATE SET "Last" = "WorkOrderCounters"."Last"
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken);
        counter = new WorkOrderCounter { Prefix = prefix, Day = day, Last = last.Single() };
        db.WorkOrderCounters.Attach(counter);
        counters[(prefix, day)] = counter;
        return counter;
    }

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
