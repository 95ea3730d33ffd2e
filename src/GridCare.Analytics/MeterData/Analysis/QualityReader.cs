namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>A customer meter's voltage on a day: minutes measured while supplied, within, below and above the limits.</summary>
public sealed record MeterVoltage(
    string MeterNo, long? CustomerId, string TransformerCode, int VoltageMinutes, int WithinMinutes, int LowMinutes, int HighMinutes, double? VoltageMin, double? VoltageMax)
{
    public double? Compliance => VoltageMinutes > 0 ? (double)WithinMinutes / VoltageMinutes : null;
}

/// <summary>A transformer area's month of line loss, summed from its days.</summary>
public sealed record LineLossMonth(
    string TransformerCode, string Name, string? FeederCode, int OrgUnitId, int Days, int JudgedDays, double? SupplyKwh, double? SalesKwh, double? LineLossRate, string? Flag);

/// <summary>Voltage quality and line loss for the API and the console, limited to the caller's org units.</summary>
public sealed class QualityReader(MeterStore store)
{
    /// <summary>The day's meters that spent time outside the limits, worst first.</summary>
    public Task<List<MeterVoltage>> MetersOutsideAsync(DateOnly day, IReadOnlyCollection<int> orgUnitIds, int limit, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            $"""
            SELECT m.* FROM meter_analysis_days m JOIN meter_directory d ON d.meter_no = m.meter_no
            WHERE m.day = $day AND d.org_unit_id IN {AnalysisRows.Units(orgUnitIds)} AND (m.low_minutes > 0 OR m.high_minutes > 0)
            ORDER BY m.low_minutes + m.high_minutes DESC, m.meter_no LIMIT $limit
            """,
            r => new MeterVoltage(r.Text("meter_no")!, r.Long("customer_id"), r.Text("transformer_code")!, r.Int("voltage_minutes"), r.Int("within_minutes"), r.Int("low_minutes"), r.Int("high_minutes"), r.Double("voltage_min"), r.Double("voltage_max")),
            cancellationToken,
            ("day", day),
            ("limit", limit));

    /// <summary>
    /// A month of line loss per transformer area: energies summed over the days whose line loss could be judged
    /// (complete data), the rate from the sums, flagged as a day is.
    /// </summary>
    public Task<List<LineLossMonth>> LineLossAsync(int year, int month, IReadOnlyCollection<int> orgUnitIds, double threshold, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            $"""
            SELECT transformer_code, any_value(name) AS name, any_value(feeder_code) AS feeder_code, any_value(org_unit_id) AS org_unit_id,
                   count(*) AS days, count(*) FILTER (WHERE line_loss_flag IS DISTINCT FROM 'incomplete' AND supply_kwh IS NOT NULL) AS judged_days,
                   sum(supply_kwh) FILTER (WHERE line_loss_flag IS DISTINCT FROM 'incomplete') AS supply_kwh,
                   sum(sales_kwh) FILTER (WHERE line_loss_flag IS DISTINCT FROM 'incomplete') AS sales_kwh
            FROM transformer_days
            WHERE day >= $from AND day < $to AND org_unit_id IN {AnalysisRows.Units(orgUnitIds)}
            GROUP BY transformer_code
            ORDER BY transformer_code
            """,
            r =>
            {
                var supply = r.Double("supply_kwh");
                var sales = r.Double("sales_kwh");
                var rate = supply > 0 ? (supply - sales) / supply : null;
                var flag = supply is null ? null : r.Int("judged_days") == 0 ? "incomplete" : rate < 0 ? "negative" : rate > threshold ? "high" : null;
                return new LineLossMonth(r.Text("transformer_code")!, r.Text("name")!, r.Text("feeder_code"), r.Int("org_unit_id"), r.Int("days"), r.Int("judged_days"), supply, sales, rate, flag);
            },
            cancellationToken,
            ("from", new DateOnly(year, month, 1)),
            ("to", new DateOnly(year, month, 1).AddMonths(1)));
}
