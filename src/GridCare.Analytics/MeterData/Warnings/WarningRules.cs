using GridCare.Analytics.MeterData.Analysis;
using GridCare.Domain.Warnings;

namespace GridCare.Analytics.MeterData.Warnings;

/// <summary>A meter anomaly with the transformer's unit and area, as the rules need them.</summary>
public sealed record LocatedAnomaly(MeterAnomaly Anomaly, int OrgUnitId, string AreaType);

/// <summary>
/// The early-warning rules over one analysed day: pure functions of the day's transformer and meter analyses (and the
/// window of days before it for the repeated rules), so each rule is tested on hand-made rows.
/// </summary>
public static class WarningRules
{
    /// <param name="day">The evaluated China day.</param>
    /// <param name="window">The transformers' analysed days within the window ending on <paramref name="day"/> (the day included).</param>
    /// <param name="anomalies">The meter anomalies found on <paramref name="day"/>.</param>
    /// <param name="thresholds">When each rule fires.</param>
    public static List<WarningFinding> Evaluate(DateOnly day, IReadOnlyList<TransformerDay> window, IReadOnlyList<LocatedAnomaly> anomalies, WarningThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(anomalies);
        ArgumentNullException.ThrowIfNull(thresholds);
        var findings = new List<WarningFinding>();
        foreach (var days in window.Where(d => d.Day <= day && d.Day > day.AddDays(-thresholds.WindowDays)).GroupBy(d => d.TransformerCode))
        {
            if (days.FirstOrDefault(d => d.Day == day) is not { } today)
            {
                continue;
            }

            Overload(today, thresholds, findings);
            HeavyLoad(today, [.. days], thresholds, findings);
            Voltage(today, thresholds, findings);
            Imbalance(today, thresholds, findings);
            LineLoss(today, findings);
        }

        if (thresholds.MeterAnomalies)
        {
            foreach (var located in anomalies.Where(a => a.Anomaly.Day == day).GroupBy(a => a.Anomaly.MeterNo))
            {
                var first = located.First();
                var kinds = located.Select(a => a.Anomaly.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
                var evidence = new Dictionary<string, object?> { ["kinds"] = kinds };
                foreach (var a in located)
                {
                    evidence[a.Anomaly.Kind] = a.Anomaly.Value;
                    if (a.Anomaly.Baseline is { } baseline)
                    {
                        evidence[a.Anomaly.Kind + "Baseline"] = baseline;
                    }
                }

                findings.Add(new WarningFinding(
                    WarningRule.MeterAnomaly, WarningSeverity.Warning, WarningAction.MeterInspection, first.Anomaly.MeterNo, first.Anomaly.TransformerCode,
                    first.Anomaly.CustomerId, first.OrgUnitId, first.AreaType, day, evidence));
            }
        }

        return findings;
    }

    private static void Overload(TransformerDay today, WarningThresholds thresholds, List<WarningFinding> findings)
    {
        if (today.OverloadMinutes < thresholds.OverloadMinutes)
        {
            return;
        }

        var severity = today.OverloadMinutes >= 2 * thresholds.OverloadMinutes ? WarningSeverity.Critical : WarningSeverity.Warning;
        findings.Add(Finding(today, WarningRule.Overload, severity, WarningAction.LoadTransfer, Load(today)));
    }

    private static void HeavyLoad(TransformerDay today, List<TransformerDay> days, WarningThresholds thresholds, List<WarningFinding> findings)
    {
        var heavy = days.Where(d => d.HeavyMinutes >= thresholds.HeavyLoadMinutes).ToList();
        if (heavy.Count < thresholds.HeavyLoadDays || today.HeavyMinutes < thresholds.HeavyLoadMinutes)
        {
            return;
        }

        var evidence = Load(today);
        evidence["heavyDays"] = heavy.Count;
        evidence["windowDays"] = thresholds.WindowDays;
        evidence["maxPeakLoadRate"] = heavy.Max(d => d.PeakLoadRate);
        findings.Add(Finding(today, WarningRule.HeavyLoad, WarningSeverity.Warning, WarningAction.LoadTransfer, evidence));
    }

    private static void Voltage(TransformerDay today, WarningThresholds thresholds, List<WarningFinding> findings)
    {
        var target = today.AreaType.Equals("Urban", StringComparison.OrdinalIgnoreCase) ? thresholds.UrbanVoltageCompliance : thresholds.RuralVoltageCompliance;
        var belowTarget = today.VoltageCompliance is { } compliance && compliance < target;
        if (today.VoltagePocket is null && !belowTarget)
        {
            return;
        }

        var high = today.VoltagePocket == "high" || (today.VoltagePocket is null && today.HighVoltageMeters > today.LowVoltageMeters);
        var severity = today.VoltageCompliance < thresholds.CriticalVoltageCompliance ? WarningSeverity.Critical : WarningSeverity.Warning;
        var evidence = new Dictionary<string, object?>
        {
            ["voltageCompliance"] = today.VoltageCompliance,
            ["complianceTarget"] = target,
            ["voltagePocket"] = today.VoltagePocket,
            ["lowVoltageMeters"] = today.LowVoltageMeters,
            ["highVoltageMeters"] = today.HighVoltageMeters,
            ["metersReporting"] = today.MetersReporting,
        };
        findings.Add(Finding(today, high ? WarningRule.HighVoltage : WarningRule.LowVoltage, severity, WarningAction.TapChange, evidence));
    }

    private static void Imbalance(TransformerDay today, WarningThresholds thresholds, List<WarningFinding> findings)
    {
        if (today.ImbalanceMinutes < thresholds.ImbalanceMinutes)
        {
            return;
        }

        var evidence = new Dictionary<string, object?> { ["maxImbalance"] = today.MaxImbalance, ["imbalanceMinutes"] = today.ImbalanceMinutes };
        findings.Add(Finding(today, WarningRule.Imbalance, WarningSeverity.Warning, WarningAction.PhaseRebalance, evidence));
    }

    // The analysis flags a rate above its threshold as 'high'; 'negative' means the metering itself is wrong and
    // 'incomplete' means too little data to tell, so only 'high' is a loss to look for in the field.
    private static void LineLoss(TransformerDay today, List<WarningFinding> findings)
    {
        if (today.LineLossFlag != "high")
        {
            return;
        }

        var evidence = new Dictionary<string, object?>
        {
            ["lineLossRate"] = today.LineLossRate,
            ["supplyKwh"] = today.SupplyKwh,
            ["salesKwh"] = today.SalesKwh,
            ["meterCoverage"] = today.MeterCoverage,
        };
        findings.Add(Finding(today, WarningRule.LineLoss, WarningSeverity.Warning, WarningAction.Inspection, evidence));
    }

    private static Dictionary<string, object?> Load(TransformerDay today) => new()
    {
        ["peakLoadRate"] = today.PeakLoadRate,
        ["peakKva"] = today.PeakKva,
        ["ratedKva"] = today.RatedKva,
        ["peakAt"] = today.PeakAt,
        ["heavyMinutes"] = today.HeavyMinutes,
        ["overloadMinutes"] = today.OverloadMinutes,
    };

    private static WarningFinding Finding(TransformerDay today, WarningRule rule, WarningSeverity severity, WarningAction action, Dictionary<string, object?> evidence) =>
        new(rule, severity, action, today.TransformerCode, today.TransformerCode, null, today.OrgUnitId, today.AreaType, today.Day, evidence);
}
