using System.Globalization;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;

namespace GridCare.Features.Demo;

/// <summary>
/// Saves generated work orders the way intake saves real ones — the EF model with its threads, history rows and JSON
/// SLA columns, a contact per order, and their revisit tasks — in the caller's transaction, with change detection off
/// (the graphs are new). The day counters are set to the last number used, so intake numbers the day's next order
/// after them.
/// </summary>
internal static class DemoWorkOrderWriter
{
    public static async Task WriteAsync(AppDbContext db, DemoWorkOrderSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(set);
        db.WorkOrders.AddRange(set.Orders);
        db.Contacts.AddRange(set.Contacts);
        db.WorkOrderCounters.AddRange(set.LastNumbers.Select(n => new WorkOrderCounter
        {
            Prefix = n.Key.Prefix,
            Day = n.Key.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            Last = n.Value,
        }));
        await db.SaveChangesAsync(cancellationToken);

        // The orders have their ids now; each revisit task was opened before its order had one (RevisitTask.Open
        // copies it), so it is set on the task's entry as it is added.
        foreach (var (order, task) in set.Revisits)
        {
            db.Add(task).Property(t => t.WorkOrderId).CurrentValue = order.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
