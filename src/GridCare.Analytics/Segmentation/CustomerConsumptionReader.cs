using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.Segmentation;

/// <summary>One customer's days (kWh and the highest demand of any interval in kW) and mean day (null unless every slot was read).</summary>
public sealed record CustomerConsumption(IReadOnlyList<(DateOnly Day, double Kwh, double PeakKw)> Days, IReadOnlyList<double>? MeanDay);

/// <summary>
/// The consumption of one customer for the 360° profile in one pass over the readings, with the same results as
/// <see cref="LoadProfileReader.DaysAsync"/> and <see cref="LoadProfileReader.MeanDaysAsync"/> for that customer.
/// Those join every reading of the window against the meter directory, twice; at city size (86 million readings) each
/// such scan costs more than the whole profile may take. Here the customer's meters are looked up first and given to
/// the scan as constants, which DuckDB filters inside the scan, and the two results are cut from the same rows.
/// </summary>
public sealed class CustomerConsumptionReader(MeterStore store)
{
    public async Task<CustomerConsumption> ReadAsync(long customerId, DateOnly from, DateOnly to, DateOnly shapeFrom, CancellationToken cancellationToken)
    {
        var meters = await AnalysisRows.ListAsync(
            store, "SELECT meter_no FROM meter_directory WHERE customer_id = $customer ORDER BY meter_no", r => r.GetString(0), cancellationToken, ("customer", customerId));
        if (meters.Count == 0)
        {
            return new CustomerConsumption([], null);
        }

        var parameters = meters.Select((m, i) => ($"m{i}", (object?)m))
            .Append(("from", ChinaDayStart(from))).Append(("to", ChinaDayStart(to.AddDays(1)))).ToArray();
        var rows = await AnalysisRows.ListAsync(
            store,
            $"""
            SELECT interval_start, sum(kwh) AS kwh, max(interval_minutes) AS minutes
            FROM readings
            WHERE meter_no IN ({string.Join(", ", meters.Select((_, i) => $"$m{i}"))})
              AND interval_start >= $from AND interval_start < $to AND quality IN ('valid', 'estimated')
            GROUP BY interval_start
            """,
            r => (Local: r.Utc("interval_start")!.Value.AddHours(8), Kwh: r.Double("kwh") ?? 0, Minutes: r.Int("minutes")),
            cancellationToken,
            parameters);
        var days = rows.GroupBy(r => DateOnly.FromDateTime(r.Local)).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(r => r.Kwh), g.Max(r => r.Kwh * 60.0 / r.Minutes)))
            .ToList();

        // Per slot, the kWh averaged over the days that slot was read, as MeanDaysAsync does.
        var sums = new double[LoadProfileReader.Slots];
        var dayCounts = new int[LoadProfileReader.Slots];
        foreach (var slot in rows.Where(r => DateOnly.FromDateTime(r.Local) >= shapeFrom)
            .GroupBy(r => ((r.Local.Hour * 60) + r.Local.Minute) / 15))
        {
            sums[slot.Key] = slot.Sum(r => r.Kwh);
            dayCounts[slot.Key] = slot.Select(r => DateOnly.FromDateTime(r.Local)).Distinct().Count();
        }

        IReadOnlyList<double>? meanDay = dayCounts.All(n => n > 0) ? [.. sums.Select((s, i) => s / dayCounts[i])] : null;
        return new CustomerConsumption(days, meanDay);
    }

    private static DateTime ChinaDayStart(DateOnly chinaDay) => chinaDay.ToDateTime(TimeOnly.MinValue).AddHours(-8);
}
