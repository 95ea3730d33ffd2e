using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// Hands out work order numbers, unique per bureau prefix and China date (DF20261127-000123). Call inside the
/// transaction that saves the order: the counter row stays locked until it commits, so concurrent intakes on any
/// number of app instances get consecutive numbers and a rolled-back intake gives its number back.
/// </summary>
public static class WorkOrderNumbers
{
    public static async Task<string> NextAsync(AppDbContext db, string prefix, DateTime receivedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var day = ChinaTime.DateOf(receivedAtUtc).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"WorkOrderCounters\" (\"Prefix\", \"Day\", \"Last\") VALUES ({prefix}, {day}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        var next = await db.Database
            .SqlQuery<int>($"UPDATE \"WorkOrderCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"Prefix\" = {prefix} AND \"Day\" = {day} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(cancellationToken);
        return WorkOrderNumber.For(prefix, receivedAtUtc, next.Single()).ToString();
    }
}
