using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// Serialises the "is there an open order to add this contact to?" decision per customer and type across every
/// app instance, so two first contacts arriving at the same moment make one order and one repeat. The decision
/// cannot be a unique index: two open orders of one customer and type are legitimate (the older one outside the
/// repeat window, a reopened order, a matched unidentified one), only intake must not create the second by a race.
/// </summary>
public static class RepeatLocks
{
    // Advisory lock keys are one bigint space shared by the whole database; intake's keys carry "GC" in the top 16
    // bits, the customer id (below 2^44) and the type (below 16) under it.
    private const long Tag = 0x4743L << 48;

    /// <summary>
    /// Call first in the intake transaction, before reading open orders. On PostgreSQL each key is a transaction
    /// advisory lock, taken in key order so that two batches never wait on each other in a cycle; read committed then
    /// lets the open-order query see the order a concurrent batch committed while this one waited. SQLite's
    /// transaction is immediate (BEGIN IMMEDIATE): it holds the database's single write lock already.
    /// </summary>
    public static async Task AcquireAsync(AppDbContext db, IEnumerable<(long CustomerId, WorkOrderType Type)> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var ordered = keys.Select(k => Tag | (k.CustomerId << 4) | (long)k.Type).Distinct().Order().ToArray();
        if (ordered.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(k) FROM unnest({ordered}) AS k", cancellationToken);
        }
    }
}
