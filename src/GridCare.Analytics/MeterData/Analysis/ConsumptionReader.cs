namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>A meter's day: energy in and out, peak demand and load factor.</summary>
public sealed record ConsumptionDay(DateOnly Day, string MeterNo, double ImportKwh, double ExportKwh, double? PeakKw, double? LoadFactor, int MinutesReported, double? VoltageCompliance);

/// <summary>A meter's month from its days: load factor = energy / (hours reported × peak kW).</summary>
public sealed record ConsumptionMonth(string Month, string MeterNo, int Days, double ImportKwh, double ExportKwh, double? PeakKw, double? LoadFactor);

public sealed record MeterAnomaly(DateOnly Day, string MeterNo, long? CustomerId, string TransformerCode, string Kind, double Value, double? Baseline);

/// <summary>A customer's consumption and anomalies from the daily analyses.</summary>
public sealed class ConsumptionReader(MeterStore store)
{
    /// <summary>The meters on record for a customer (the directory copied from the relational database).</summary>
    public async Task<List<string>> MetersOfAsync(long customerId, CancellationToken cancellationToken) =>
        await AnalysisRows.ListAsync(store, "SELECT meter_no FROM meter_directory WHERE customer_id = $customer ORDER BY meter_no", r => r.Text("meter_no")!, cancellationToken, ("customer", customerId));

    /// <summary>The transformer that supplies the customer (the first of their meters'), or null when none is on record.</summary>
    public async Task<string?> TransformerOfAsync(long customerId, CancellationToken cancellationToken) =>
        (await AnalysisRows.ListAsync(
            store, "SELECT transformer_code FROM meter_directory WHERE customer_id = $customer AND transformer_code IS NOT NULL ORDER BY meter_no LIMIT 1",
            r => r.Text("transformer_code")!, cancellationToken, ("customer", customerId))).FirstOrDefault();

    /// <summary>The newest day the daily analysis has written, or null before the first.</summary>
    public async Task<DateOnly?> LastDayAsync(CancellationToken cancellationToken) =>
        (await AnalysisRows.ListAsync(store, "SELECT max(day) AS day FROM meter_analysis_days", r => r.IsDBNull(0) ? (DateOnly?)null : r.Date("day"), cancellationToken)).FirstOrDefault();

    public Task<List<ConsumptionDay>> DaysAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            "SELECT * FROM meter_analysis_days WHERE customer_id = $customer AND day BETWEEN $from AND $to ORDER BY day, meter_no",
            r => new ConsumptionDay(
                r.Date("day"), r.Text("meter_no")!, r.Double("import_kwh") ?? 0, r.Double("export_kwh") ?? 0, r.Double("peak_kw"), r.Double("load_factor"), r.Int("minutes_reported"),
                r.Int("voltage_minutes") > 0 ? (double)r.Int("within_minutes") / r.Int("voltage_minutes") : null),
            cancellationToken,
            ("customer", customerId),
            ("from", from),
            ("to", to));

    public Task<List<ConsumptionMonth>> MonthsAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            """
            SELECT strftime(day, '%Y-%m') AS month, meter_no, count(*) AS days, sum(import_kwh) AS import_kwh, sum(export_kwh) AS export_kwh, max(peak_kw) AS peak_kw,
                   CASE WHEN max(peak_kw) > 0 AND sum(minutes_reported) > 0 THEN sum(import_kwh) / (sum(minutes_reported) / 60.0) / max(peak_kw) END AS load_factor
            FROM meter_analysis_days WHERE customer_id = $customer AND day BETWEEN $from AND $to
            GROUP BY ALL ORDER BY 1, 2
            """,
            r => new ConsumptionMonth(r.Text("month")!, r.Text("meter_no")!, r.Int("days"), r.Double("import_kwh") ?? 0, r.Double("export_kwh") ?? 0, r.Double("peak_kw"), r.Double("load_factor")),
            cancellationToken,
            ("customer", customerId),
            ("from", from),
            ("to", to));

    public Task<List<MeterAnomaly>> AnomaliesAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            "SELECT * FROM meter_anomalies WHERE customer_id = $customer AND day BETWEEN $from AND $to ORDER BY day, kind",
            Anomaly,
            cancellationToken,
            ("customer", customerId),
            ("from", from),
            ("to", to));

    /// <summary>The anomalies of a day in the units, for the risk views and the lead's warnings.</summary>
    public Task<List<MeterAnomaly>> AnomaliesOnAsync(DateOnly day, IReadOnlyCollection<int> orgUnitIds, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            $"SELECT a.* FROM meter_anomalies a JOIN transformer_directory t ON t.transformer_code = a.transformer_code WHERE a.day = $day AND t.org_unit_id IN {AnalysisRows.Units(orgUnitIds)} ORDER BY a.kind, a.meter_no",
            Anomaly,
            cancellationToken,
            ("day", day));

    internal static MeterAnomaly Anomaly(System.Data.Common.DbDataReader r) =>
        new(r.Date("day"), r.Text("meter_no")!, r.Long("customer_id"), r.Text("transformer_code")!, r.Text("kind")!, r.Double("value") ?? 0, r.Double("baseline"));
}
