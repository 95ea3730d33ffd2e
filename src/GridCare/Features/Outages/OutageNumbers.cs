using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// Outage numbers: <c>TD</c> (停电), the China date and a daily sequence, e.g. <c>TD20261127-003</c>, unique across
/// app instances. The sequence is taken on the shared counter table (as work order numbers are, ADR 0011) with its
/// own statement before the outage's transaction, so a failed publication leaves a gap, never a duplicate.
/// </summary>
public static class OutageNumbers
{
    public const string Prefix = "TD";

    // The counter row's key; not a bureau prefix (those are letters the bureau chose, and no bureau is "OUTAGE").
    private const string CounterKey = "OUTAGE";

    public static async Task<string> NextAsync(AppDbContext db, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = ChinaTime.DateOf(atUtc).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var next = (await db.Database
            .SqlQuery<int>($"""
                INSERT INTO "WorkOrderCounters" ("Prefix", "Day", "Last") VALUES ({CounterKey}, {day}, 1)
                ON CONFLICT ("Prefix", "Day") DO UPDATE SET "Last" = "WorkOrderCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken)).Single();
        return $"{Prefix}{day}-{next.ToString("000", CultureInfo.InvariantCulture)}";
    }
}
