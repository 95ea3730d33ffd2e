using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.MeterData.Warnings;

/// <summary>Reads what the rules need for one analysed day from the meter store and applies them.</summary>
public sealed class WarningFinder(MeterStore store, TransformerLoadReader transformers)
{
    public async Task<List<WarningFinding>> FindAsync(DateOnly day, WarningThresholds thresholds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var window = await transformers.WindowAsync(day.AddDays(1 - thresholds.WindowDays), day, cancellationToken);
        var anomalies = await AnalysisRows.ListAsync(
            store,
            """
            SELECT a.*, t.org_unit_id, t.area_type
            FROM meter_anomalies a JOIN transformer_directory t ON t.transformer_code = a.transformer_code
            WHERE a.day = $day ORDER BY a.meter_no, a.kind
            """,
            r => new LocatedAnomaly(ConsumptionReader.Anomaly(r), r.Int("org_unit_id"), r.Text("area_type")!),
            cancellationToken,
            ("day", day));
        return WarningRules.Evaluate(day, window, anomalies, thresholds);
    }
}
