using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.MeterData.Warnings;
using GridCare.Domain.Warnings;

namespace GridCare.Analytics.Tests.MeterData;

/// <summary>Each early-warning rule on hand-made analysed days, at and around its threshold (defaults of <see cref="WarningThresholds"/>).</summary>
public sealed class WarningRulesTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static readonly WarningThresholds Defaults = new();

    [Theory]
    [InlineData(29, null)]
    [InlineData(30, WarningSeverity.Warning)]
    [InlineData(60, WarningSeverity.Critical)]
    public void Overload_FiresFromThirtyMinutes_CriticalFromSixty(int minutes, WarningSeverity? expected)
    {
        var findings = Evaluate([Transformer(Day, overload: minutes, heavy: minutes)]);

        Assert.Equal(expected, findings.SingleOrDefault(f => f.Rule == WarningRule.Overload)?.Severity);
    }

    [Fact]
    public void HeavyLoad_NeedsThreeHeavyDaysInTheWindow_TodayIncluded()
    {
        var twoDays = Evaluate([Transformer(Day, heavy: 60), Transformer(Day.AddDays(-3), heavy: 90)]);
        var threeDays = Evaluate([Transformer(Day, heavy: 60), Transformer(Day.AddDays(-3), heavy: 90), Transformer(Day.AddDays(-6), heavy: 61)]);
        var outsideWindow = Evaluate([Transformer(Day, heavy: 60), Transformer(Day.AddDays(-3), heavy: 90), Transformer(Day.AddDays(-7), heavy: 61)]);
        var notToday = Evaluate([Transformer(Day, heavy: 59), Transformer(Day.AddDays(-1), heavy: 90), Transformer(Day.AddDays(-2), heavy: 90), Transformer(Day.AddDays(-3), heavy: 90)]);

        Assert.DoesNotContain(twoDays, f => f.Rule == WarningRule.HeavyLoad);
        var heavy = Assert.Single(threeDays, f => f.Rule == WarningRule.HeavyLoad);
        Assert.Equal((3, WarningAction.LoadTransfer), ((int)heavy.Evidence["heavyDays"]!, heavy.Action));
        Assert.DoesNotContain(outsideWindow, f => f.Rule == WarningRule.HeavyLoad);
        Assert.DoesNotContain(notToday, f => f.Rule == WarningRule.HeavyLoad);
    }

    [Theory]
    [InlineData("Urban", 0.99, null, null, null)]
    [InlineData("Urban", 0.98, null, WarningRule.LowVoltage, WarningSeverity.Warning)]
    [InlineData("Rural", 0.98, null, null, null)]
    [InlineData("Rural", 0.97, null, WarningRule.LowVoltage, WarningSeverity.Warning)]
    [InlineData("Rural", 0.995, "high", WarningRule.HighVoltage, WarningSeverity.Warning)]
    [InlineData("Urban", 0.85, "low", WarningRule.LowVoltage, WarningSeverity.Critical)]
    public void Voltage_BelowTheAreasComplianceTargetOrInAPocket_SuggestsATapChange(string area, double compliance, string? pocket, WarningRule? rule, WarningSeverity? severity)
    {
        var finding = Evaluate([Transformer(Day, area: area, compliance: compliance, pocket: pocket)]).SingleOrDefault(f => f.Rule is WarningRule.LowVoltage or WarningRule.HighVoltage);

        Assert.Equal((rule, severity), (finding?.Rule, finding?.Severity));
        Assert.True(finding is null || finding.Action == WarningAction.TapChange);
    }

    [Fact]
    public void ImbalanceAndLineLoss_FireOnTheirOwnMeasures()
    {
        var findings = Evaluate([
            Transformer(Day, code: "T-IMB", imbalanceMinutes: 120),
            Transformer(Day, code: "T-OK", imbalanceMinutes: 119, lineLossFlag: "negative"),
            Transformer(Day, code: "T-LOSS", lineLossFlag: "high"),
        ]);

        Assert.Equal(
            [("T-IMB", WarningRule.Imbalance, WarningAction.PhaseRebalance), ("T-LOSS", WarningRule.LineLoss, WarningAction.Inspection)],
            findings.Select(f => (f.SubjectCode, f.Rule, f.Action)).OrderBy(f => f.SubjectCode, StringComparer.Ordinal));
    }

    [Fact]
    public void MeterAnomalies_GiveOneWarningPerMeter_WithEveryKindOfTheDay()
    {
        LocatedAnomaly Anomaly(string meter, string kind, double value, DateOnly day) =>
            new(new MeterAnomaly(day, meter, 42, "T-1", kind, value, kind == "suddenDrop" ? 12.5 : null), 7, "Urban");
        var anomalies = new[] { Anomaly("M-1", "suddenDrop", 0.1, Day), Anomaly("M-1", "longZero", 600, Day), Anomaly("M-2", "reverseFlow", 3, Day.AddDays(-1)) };

        var findings = WarningRules.Evaluate(Day, [], anomalies, Defaults);
        var off = WarningRules.Evaluate(Day, [], anomalies, Defaults with { MeterAnomalies = false });

        var meter = Assert.Single(findings);
        Assert.Equal(("M-1", "T-1", 42L, 7, WarningAction.MeterInspection), (meter.SubjectCode, meter.TransformerCode, meter.CustomerId!.Value, meter.OrgUnitId, meter.Action));
        Assert.Equal(["longZero", "suddenDrop"], (List<string>)meter.Evidence["kinds"]!);
        Assert.Equal((0.1, 12.5, 600.0), ((double)meter.Evidence["suddenDrop"]!, (double)meter.Evidence["suddenDropBaseline"]!, (double)meter.Evidence["longZero"]!));
        Assert.Empty(off);
    }

    private static List<WarningFinding> Evaluate(IReadOnlyList<TransformerDay> days) => WarningRules.Evaluate(Day, days, [], Defaults);

    private static TransformerDay Transformer(
        DateOnly day, string code = "T-1", string area = "Urban", int heavy = 0, int overload = 0, double? compliance = 1.0, string? pocket = null,
        int imbalanceMinutes = 0, string? lineLossFlag = null) =>
        new(day, code, code, 400, "F-1", "S-1", 7, area, 0, 96, 300, 0.75, null, 0.4, heavy, overload, 0.2, imbalanceMinutes,
            20, 20, 28_800, (long)(28_800 * (compliance ?? 1)), compliance, pocket == "low" ? 5 : 0, pocket == "high" ? 5 : 0, pocket,
            1000, 900, 0.1, 1, 1, lineLossFlag);
}
