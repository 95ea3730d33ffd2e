using System.Globalization;
using GridCare.Analytics.ComplaintRisk;
using GridCare.Analytics.MeterData;
using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.ComplaintRisk;

/// <summary>
/// Reads what the risk model learns from: customers with the transformer above their meter, a year and a month of
/// sustained interruptions, complaints and unsatisfied revisits from the work orders, and — when the meter store has
/// analysed days — the last 30 days' voltage compliance per customer and load per transformer.
/// </summary>
public sealed class ComplaintRiskHistoryReader(IDbContextFactory<AppDbContext> dbFactory, MeterStore meterStore)
{
    /// <summary>How far back features and training reach: a year of features for the oldest training month.</summary>
    public static readonly TimeSpan Reach = TimeSpan.FromDays(365 + 365);

    // The history row of an unsatisfied answer starts with the result's name (WorkOrder.RecordRevisit).
    private const string UnsatisfiedDetail = nameof(RevisitResult.Unsatisfied) + "%";

    public async Task<RiskHistory> ReadAsync(DateTime nowUtc, bool withMeterFacts, CancellationToken cancellationToken)
    {
        var since = nowUtc - Reach;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var devices = db.NetworkDevices.AsNoTracking();
        var customers = await (
            from c in db.Customers.AsNoTracking()
            join point in devices on c.ServicePointId equals point.Id
            join meterDevice in devices on point.ParentId equals meterDevice.Id
            join transformer in devices on meterDevice.ParentId equals transformer.Id
            where transformer.Kind == DeviceKind.Transformer
            select new RiskCustomer(c.Id, c.OrgUnitId, transformer.Id, transformer.Code, transformer.OrgUnitId, c.IsSensitive))
            .ToListAsync(cancellationToken);
        var interruptions = await db.InterruptionRecords.AsNoTracking()
            .Where(r => r.InterruptedAt >= since && r.DurationSeconds > 300)
            .Select(r => new RiskInterruption(r.CustomerId, r.InterruptedAt, r.DurationSeconds!.Value / 60.0))
            .ToListAsync(cancellationToken);
        var complaints = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Type == WorkOrderType.Complaint && w.CustomerId != null && w.ReceivedAt >= since)
            .Select(w => new RiskComplaint(w.CustomerId!.Value, w.ReceivedAt))
            .ToListAsync(cancellationToken);

        // The answer is kept on the order only until the next revisit; the history row of each answer stays. Two
        // plain queries joined here: SQLite cannot run the correlated form EF makes of a join to the order.
        var answers = await db.Set<WorkOrderChange>().AsNoTracking()
            .Where(h => h.Action == WorkOrderAction.RecordRevisit && h.At >= since && h.Detail != null && EF.Functions.Like(h.Detail, UnsatisfiedDetail))
            .Select(h => new { OrderId = EF.Property<long>(h, "WorkOrderId"), h.At })
            .ToListAsync(cancellationToken);
        var orderIds = answers.Select(a => a.OrderId).Distinct().ToList();
        var customerOf = await db.WorkOrders.AsNoTracking()
            .Where(w => orderIds.Contains(w.Id) && w.CustomerId != null)
            .Select(w => new { w.Id, CustomerId = w.CustomerId!.Value })
            .ToDictionaryAsync(w => w.Id, w => w.CustomerId, cancellationToken);
        var unsatisfied = answers
            .Where(a => customerOf.ContainsKey(a.OrderId))
            .Select(a => new RiskUnsatisfiedRevisit(customerOf[a.OrderId], a.At))
            .ToList();
        var meter = withMeterFacts ? await MeterFactsAsync(nowUtc, cancellationToken) : null;
        return new RiskHistory(customers, interruptions, complaints, unsatisfied, meter);
    }

    /// <summary>The analysed days of the 30 days up to now; null when the store has none (the features are then absent).</summary>
    private async Task<RiskMeterFacts?> MeterFactsAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var from = DateOnly.FromDateTime(nowUtc.AddHours(8)).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await meterStore.OpenAsync(cancellationToken);
        var voltage = new Dictionary<long, double>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT customer_id, sum(within_minutes)::DOUBLE / sum(voltage_minutes)
                FROM meter_analysis_days WHERE day >= DATE '{from}' AND customer_id IS NOT NULL
                GROUP BY customer_id HAVING sum(voltage_minutes) > 0
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                voltage[reader.GetInt64(0)] = reader.GetDouble(1);
            }
        }

        var load = new Dictionary<string, RiskTransformerLoad>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT d.transformer_code, max(d.peak_load_rate), sum(d.heavy_minutes)::DOUBLE,
                       sum(d.within_minutes)::DOUBLE / nullif(sum(d.voltage_minutes), 0),
                       (SELECT count(*) FROM load_episodes e WHERE e.transformer_code = d.transformer_code AND e.day >= DATE '{from}')
                FROM transformer_days d WHERE d.day >= DATE '{from}'
                GROUP BY d.transformer_code
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                load[reader.GetString(0)] = new RiskTransformerLoad(
                    reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), (int)reader.GetInt64(4));
            }
        }

        return voltage.Count == 0 && load.Count == 0 ? null : new RiskMeterFacts(nowUtc, voltage, load);
    }
}
