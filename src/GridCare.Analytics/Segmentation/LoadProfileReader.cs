using System.Globalization;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Tariffs;

namespace GridCare.Analytics.Segmentation;

/// <summary>
/// Customers' consumption from the meter store's readings, by China time of day in 15-minute slots: the mean day
/// (for load shapes) and the monthly sums per slot (for bills). A customer's meters are added together; only valid and
/// estimated readings count, as in the daily analysis.
/// </summary>
public sealed class LoadProfileReader(MeterStore store)
{
    public const int Slots = 96;

    /// <summary>The last day (China time) with any reading, or null when the store is empty.</summary>
    public async Task<DateOnly?> LastDayAsync(CancellationToken cancellationToken)
    {
        var rows = await AnalysisRows.ListAsync(store, "SELECT CAST(max(interval_start) + INTERVAL 8 HOUR AS DATE) AS day FROM readings", r => r.IsDBNull(0) ? (DateOnly?)null : r.Date("day"), cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// Each customer's mean day from <paramref name="from"/> to <paramref name="to"/> (China days): per slot, the kWh
    /// summed over the customer's meters and averaged over the days that slot was read. Customers with a slot never
    /// read are left out, as they cannot be compared by shape.
    /// </summary>
    public async Task<List<LoadProfile>> MeanDaysAsync(IReadOnlyCollection<int> orgUnitIds, long? customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to.DayNumber - from.DayNumber + 1, MaxMeanDays, nameof(to));
        var rows = await AnalysisRows.ListAsync(
            store,
            MeanDaySql(Filter(orgUnitIds, customerId)) + " ORDER BY customer_id, slot",
            r => (Customer: r.Long("customer_id")!.Value, Slot: r.Int("slot"), Kwh: r.Double("kwh") ?? 0),
            cancellationToken,
            ("from", Utc(from)),
            ("to", Utc(to.AddDays(1))));
        return [.. rows.GroupBy(r => r.Customer).Where(g => g.Count() == Slots).Select(g =>
        {
            var values = new double[Slots];
            foreach (var row in g)
            {
                values[row.Slot] = row.Kwh;
            }

            return new LoadProfile(g.Key.ToString(CultureInfo.InvariantCulture), values);
        })];
    }

    /// <summary>
    /// A customer's days from <paramref name="from"/> to <paramref name="to"/> straight from the readings (so the
    /// profile does not wait for the daily analysis): kWh and the highest demand of any interval in kW.
    /// </summary>
    public Task<List<(DateOnly Day, double Kwh, double PeakKw)>> DaysAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            """
            WITH r AS (
                SELECT CAST(r.interval_start + INTERVAL 8 HOUR AS DATE) AS day, r.interval_start, sum(r.kwh) AS kwh, max(r.interval_minutes) AS minutes
                FROM readings r JOIN meter_directory d ON d.meter_no = r.meter_no
                WHERE d.customer_id = $customer AND r.interval_start >= $from AND r.interval_start < $to AND r.quality IN ('valid', 'estimated')
                GROUP BY ALL)
            SELECT day, sum(kwh) AS kwh, max(kwh * 60.0 / minutes) AS peak_kw FROM r GROUP BY day ORDER BY day
            """,
            r => (r.Date("day"), r.Double("kwh") ?? 0, r.Double("peak_kw") ?? 0),
            cancellationToken,
            ("customer", customerId),
            ("from", Utc(from)),
            ("to", Utc(to.AddDays(1))));

    /// <summary>Each customer's months from <paramref name="from"/> to <paramref name="to"/>: days read and kWh per slot.</summary>
    public async Task<Dictionary<long, List<MonthUsage>>> MonthsAsync(IReadOnlyCollection<int> orgUnitIds, long? customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await AnalysisRows.ListAsync(
            store,
            $"""
            WITH r AS (
                SELECT d.customer_id, r.interval_start + INTERVAL 8 HOUR AS local, r.kwh
                FROM readings r JOIN meter_directory d ON d.meter_no = r.meter_no
                WHERE d.customer_id IS NOT NULL AND {Filter(orgUnitIds, customerId)}
                  AND r.interval_start >= $from AND r.interval_start < $to AND r.quality IN ('valid', 'estimated')),
            days AS (SELECT customer_id, year(local) AS y, month(local) AS m, count(DISTINCT CAST(local AS DATE)) AS days FROM r GROUP BY ALL),
            slots AS (SELECT customer_id, year(local) AS y, month(local) AS m, (hour(local) * 60 + minute(local)) // 15 AS slot, sum(kwh) AS kwh FROM r GROUP BY ALL)
            SELECT s.customer_id, s.y, s.m, s.slot, s.kwh, d.days FROM slots s JOIN days d USING (customer_id, y, m)
            """,
            r => (Customer: r.Long("customer_id")!.Value, Year: r.Int("y"), Month: r.Int("m"), Slot: r.Int("slot"), Kwh: r.Double("kwh") ?? 0, Days: r.Int("days")),
            cancellationToken,
            ("from", Utc(from)),
            ("to", Utc(to.AddDays(1))));
        return rows.GroupBy(r => r.Customer).ToDictionary(
            g => g.Key,
            g => g.GroupBy(r => (r.Year, r.Month)).OrderBy(m => m.Key).Select(m =>
            {
                var slots = new double[Slots];
                foreach (var row in m)
                {
                    slots[row.Slot] += row.Kwh;
                }

                return new MonthUsage(m.Key.Year, m.Key.Month, m.First().Days, slots);
            }).ToList());
    }

    /// <summary>The longest window <see cref="MeanDaySql"/> averages: a slot's days read are bits of one UBIGINT.</summary>
    public const int MaxMeanDays = 64;

    /// <summary>
    /// The mean day of the customers a directory filter (alias <c>d</c>, or null for all) selects over [$from, $to),
    /// at most <see cref="MaxMeanDays"/> days: per customer and slot, the kWh summed over their meters and averaged
    /// over the days the slot was read. The readings are first reduced per meter and slot, with the days read as a
    /// bit mask, so the join to the directory and the distinct-day count work on a hundredth of the rows (a meter
    /// reads a slot at most once a day, and the masks of a customer's meters OR into their days exactly).
    /// </summary>
    internal static string MeanDaySql(string? directoryFilter) => $"""
        WITH m AS (
            SELECT meter_no, ((epoch_us(interval_start) // 1000000 + 28800) % 86400) // 900 AS slot, sum(kwh) AS kwh,
                   bit_or(1::UBIGINT << ((epoch_us(interval_start) - epoch_us($from)) // 86400000000)::UBIGINT) AS days
            FROM readings
            WHERE interval_start >= $from AND interval_start < $to AND quality IN ('valid', 'estimated')
              {(directoryFilter is null ? string.Empty : $"AND meter_no IN (SELECT d.meter_no FROM meter_directory d WHERE {directoryFilter})")}
            GROUP BY ALL)
        SELECT d.customer_id, m.slot, sum(m.kwh) / bit_count(bit_or(m.days)) AS kwh
        FROM m JOIN meter_directory d ON d.meter_no = m.meter_no
        WHERE d.customer_id IS NOT NULL
        GROUP BY ALL
        """;

    internal static DateTime Utc(DateOnly chinaDay) => chinaDay.ToDateTime(TimeOnly.MinValue).AddHours(-8);

    private static string Filter(IReadOnlyCollection<int> orgUnitIds, long? customerId) =>
        customerId is { } id ? string.Create(CultureInfo.InvariantCulture, $"d.customer_id = {id}") : $"d.org_unit_id IN {AnalysisRows.Units(orgUnitIds)}";
}
