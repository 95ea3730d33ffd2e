namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>
/// One 15-minute slot of a transformer with signs of an outage: meters that should have reported and did not, meters
/// reporting no voltage, and whether the terminal reported and with what voltage.
/// </summary>
public sealed record OutageSlot(
    string TransformerCode, DateTime SlotStart, int MetersExpected, int MetersReporting, int MetersZeroVoltage, bool TerminalReported, double? TerminalVoltageMax)
{
    public int MetersMissing => Math.Max(0, MetersExpected - MetersReporting);
}

/// <summary>
/// Outage evidence from the raw readings of a short window (not the daily analysis: detection needs minutes, not a
/// day): per transformer and slot, how many of its meters are missing or at zero voltage and what its terminal saw.
/// A slot is evidence when the terminal read zero voltage, or at least <c>share</c> of the meters are missing or at
/// zero voltage. Outage detection (Features/Outages, DetectFromReadings) scans it for dark transformers.
/// Only meters that reported in the day before the window or in it are expected (a meter never read is not an
/// outage), and missing meters count only up to the latest slot the store has any reading for: readings arrive
/// late, and a slot not collected yet for anyone is not a slot where everyone is dark.
/// </summary>
public sealed class OutageEvidence(MeterStore store, MeterAnalysisSettings settings)
{
    public static readonly TimeSpan MaximumWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// The latest 15-minute slot in [from, to) any meter or terminal reported (null when none did): a transformer
    /// whose last dark slot is older has supply again, whatever its earlier slots show.
    /// </summary>
    public async Task<DateTime?> LatestSlotAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var latest = await AnalysisRows.ListAsync(
            store,
            """
            SELECT time_bucket(INTERVAL 15 MINUTE, max(t)) AS slot FROM (
                SELECT max(interval_start) AS t FROM readings WHERE interval_start >= $from AND interval_start < $to
                UNION ALL SELECT max(interval_start) FROM terminal_readings WHERE interval_start >= $from AND interval_start < $to)
            """,
            r => r.Utc("slot"),
            cancellationToken,
            ("from", DateTime.SpecifyKind(fromUtc, DateTimeKind.Unspecified)), ("to", DateTime.SpecifyKind(toUtc, DateTimeKind.Unspecified)));
        return latest.FirstOrDefault();
    }

    public Task<List<OutageSlot>> FindAsync(DateTime fromUtc, DateTime toUtc, double share, IReadOnlyCollection<string>? transformerCodes, CancellationToken cancellationToken)
    {
        if (toUtc <= fromUtc || toUtc - fromUtc > MaximumWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(toUtc), $"The window is positive and at most {MaximumWindow.TotalHours} h.");
        }

        var codes = transformerCodes is null ? "" : "AND t.transformer_code IN (SELECT unnest(string_split($codes, ',')))";
        return AnalysisRows.ListAsync(
            store,
            $$"""
            WITH t AS (SELECT transformer_code FROM transformer_directory t WHERE true {{codes}}),
            reported AS (SELECT DISTINCT meter_no FROM readings WHERE interval_start >= $from - INTERVAL 1 DAY AND interval_start < $to),
            expected AS (
                SELECT t.transformer_code, count(r.meter_no) AS meters
                FROM t LEFT JOIN meter_directory d ON d.transformer_code = t.transformer_code LEFT JOIN reported r ON r.meter_no = d.meter_no
                GROUP BY t.transformer_code
            ),
            horizon AS (SELECT max(interval_start) AS last FROM readings WHERE interval_start >= $from AND interval_start < $to),
            slots AS (SELECT unnest(range($from, $to, INTERVAL 15 MINUTE)) AS slot_start),
            meters AS (
                SELECT d.transformer_code, time_bucket(INTERVAL 15 MINUTE, r.interval_start) AS slot_start, count(DISTINCT r.meter_no) AS reporting
                FROM readings r JOIN meter_directory d ON d.meter_no = r.meter_no JOIN t ON t.transformer_code = d.transformer_code
                WHERE r.interval_start >= $from AND r.interval_start < $to
                GROUP BY ALL
            ),
            lost AS (
                SELECT d.transformer_code, time_bucket(INTERVAL 15 MINUTE, p.interval_start) AS slot_start, count(DISTINCT p.meter_no) AS zero_voltage
                FROM phase_readings p JOIN meter_directory d ON d.meter_no = p.meter_no JOIN t ON t.transformer_code = d.transformer_code
                WHERE p.interval_start >= $from AND p.interval_start < $to AND greatest(p.voltage_a, p.voltage_b, p.voltage_c) < $loss
                GROUP BY ALL
            ),
            terminal AS (
                SELECT x.transformer_code, time_bucket(INTERVAL 15 MINUTE, x.interval_start) AS slot_start, max(greatest(x.voltage_a, x.voltage_b, x.voltage_c)) AS vmax
                FROM terminal_readings x JOIN t ON t.transformer_code = x.transformer_code
                WHERE x.interval_start >= $from AND x.interval_start < $to
                GROUP BY ALL
            ),
            grid AS (
                SELECT e.transformer_code, e.meters, s.slot_start, coalesce(m.reporting, 0) AS reporting, coalesce(l.zero_voltage, 0) AS zero_voltage,
                       tt.transformer_code IS NOT NULL AS terminal_reported, tt.vmax
                FROM expected e CROSS JOIN slots s
                LEFT JOIN meters m ON m.transformer_code = e.transformer_code AND m.slot_start = s.slot_start
                LEFT JOIN lost l ON l.transformer_code = e.transformer_code AND l.slot_start = s.slot_start
                LEFT JOIN terminal tt ON tt.transformer_code = e.transformer_code AND tt.slot_start = s.slot_start
            )
            SELECT * FROM grid
            WHERE vmax < $loss OR (meters > 0 AND slot_start <= (SELECT last FROM horizon) AND (meters - reporting + zero_voltage) >= $share * meters)
            ORDER BY transformer_code, slot_start
            """,
            r => new OutageSlot(r.Text("transformer_code")!, r.Utc("slot_start")!.Value, r.Int("meters"), r.Int("reporting"), r.Int("zero_voltage"), r.GetBoolean(r.GetOrdinal("terminal_reported")), r.Double("vmax")),
            cancellationToken,
            [("from", DateTime.SpecifyKind(fromUtc, DateTimeKind.Unspecified)), ("to", DateTime.SpecifyKind(toUtc, DateTimeKind.Unspecified)), ("loss", settings.SupplyLossVoltage), ("share", share),
             .. transformerCodes is null ? Array.Empty<(string, object?)>() : [("codes", (object?)string.Join(',', transformerCodes))]]);
    }
}
