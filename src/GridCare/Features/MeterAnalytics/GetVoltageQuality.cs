using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Auth;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// A transformer area's voltage on the day: compliance over its metered customers' supplied time against the SGCC
/// target for its area (urban 98.5 %, rural and remote 97.5 %), and whether it is a low or high voltage pocket.
/// </summary>
public sealed record VoltageTransformerResponse(
    string TransformerCode, string Name, string? FeederCode, int OrgUnitId, string AreaType, double? CompliancePercent, double TargetPercent,
    int MetersReporting, int LowVoltageMeters, int HighVoltageMeters, string? Pocket);

public sealed record VoltageMeterResponse(string MeterNo, long? CustomerId, string TransformerCode, double? CompliancePercent, int LowMinutes, int HighMinutes, double? VoltageMin, double? VoltageMax);

/// <summary>Voltage quality (GB/T 12325) of the caller's units on a day: overall, per transformer (worst first), pockets, and the meters that left the limits.</summary>
public sealed record VoltageQualityResponse(
    DateOnly? Day, double? CompliancePercent, IReadOnlyList<VoltageTransformerResponse> Transformers, IReadOnlyList<VoltageTransformerResponse> Pockets, IReadOnlyList<VoltageMeterResponse> Meters);

public sealed class GetVoltageQuality(TransformerLoadReader transformers, QualityReader quality)
{
    public const double UrbanTargetPercent = 98.5;

    public const double RuralTargetPercent = 97.5;

    public async Task<MeterAnalyticsResult<VoltageQualityResponse>> HandleAsync(DateOnly? date, int limit, StaffScope scope, CancellationToken cancellationToken)
    {
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.NetworkReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<VoltageQualityResponse>.Forbidden(refusal);
        }

        if ((date ?? await transformers.LatestDayAsync(cancellationToken)) is not { } day)
        {
            return new MeterAnalyticsResult<VoltageQualityResponse>.Found(new VoltageQualityResponse(null, null, [], [], []));
        }

        var units = scope.VisibleOrgUnitIds.ToList();
        var days = await transformers.RankAsync(day, units, int.MaxValue, cancellationToken);
        var meters = await quality.MetersOutsideAsync(day, units, limit, cancellationToken);
        var voltage = days.Sum(d => d.VoltageMinutes);
        var rows = days
            .Select(d => new VoltageTransformerResponse(
                d.TransformerCode, d.Name, d.FeederCode, d.OrgUnitId, d.AreaType, 100 * d.VoltageCompliance,
                d.AreaType == "urban" ? UrbanTargetPercent : RuralTargetPercent, d.MetersReporting, d.LowVoltageMeters, d.HighVoltageMeters, d.VoltagePocket))
            .OrderBy(d => d.CompliancePercent ?? double.MaxValue).ThenBy(d => d.TransformerCode, StringComparer.Ordinal)
            .ToList();
        return new MeterAnalyticsResult<VoltageQualityResponse>.Found(new VoltageQualityResponse(
            day,
            voltage > 0 ? 100.0 * days.Sum(d => d.WithinMinutes) / voltage : null,
            [.. rows.Take(limit)],
            [.. rows.Where(r => r.Pocket is not null)],
            [.. meters.Select(m => new VoltageMeterResponse(m.MeterNo, m.CustomerId, m.TransformerCode, 100 * m.Compliance, m.LowMinutes, m.HighMinutes, m.VoltageMin, m.VoltageMax))]));
    }
}
