using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.MeterData.Events;

namespace GridCare.Analytics.MeterData.Warnings;

/// <summary>
/// Reads what the rules need for one analysed day from the meter store and applies them. A meter's tampering events of
/// the day (cover open, terminal cover open, magnetic interference) and reverse-flow events of a meter without
/// generation on record join its consumption anomalies, each kind with its count: the meter anomaly rule then raises
/// one suspected meter fault or theft with all the evidence, as inspectors read it (开盖 + 电量骤降 is the classic pair).
/// </summary>
public sealed class WarningFinder(MeterStore store, TransformerLoadReader transformers)
{
    private static readonly string EventKinds = string.Join(", ", MeterEventKinds.Tampering.Select(k => $"'{k}'"));

    public async Task<List<WarningFinding>> FindAsync(DateOnly day, WarningThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var window = await transformers.WindowAsync(day.AddDays(1 - thresholds.WindowDays), day, cancellationToken);
        var start = day.ToDateTime(TimeOnly.MinValue).AddHours(-8);
        var anomalies = await AnalysisRows.ListAsync(
            store,
            $"""
            SELECT a.day, a.meter_no, a.customer_id, a.transformer_code, a.kind, a.value, a.baseline, t.org_unit_id, t.area_type
            FROM meter_anomalies a JOIN transformer_directory t ON t.transformer_code = a.transformer_code
            WHERE a.day = $day
            UNION ALL
            SELECT $day AS day, d.meter_no, d.customer_id, d.transformer_code, e.kind, count(*)::DOUBLE AS value, NULL::DOUBLE AS baseline, t.org_unit_id, t.area_type
            FROM meter_events e JOIN meter_directory d ON d.meter_no = e.device_code JOIN transformer_directory t ON t.transformer_code = d.transformer_code
            WHERE e.occurred_at >= $start AND e.occurred_at < $start + INTERVAL 1 DAY
              AND (e.kind IN ({EventKinds}) OR (e.kind = '{MeterEventKinds.ReverseFlow}' AND NOT d.has_generation))
              AND NOT EXISTS (SELECT 1 FROM meter_anomalies a WHERE a.day = $day AND a.meter_no = d.meter_no AND a.kind = e.kind)
            GROUP BY ALL
            ORDER BY meter_no, kind
            """,
            r => new LocatedAnomaly(ConsumptionReader.Anomaly(r), r.Int("org_unit_id"), r.Text("area_type")!),
            cancellationToken,
            ("day", day),
            ("start", start));
        return WarningRules.Evaluate(day, window, anomalies, thresholds);
    }
}
