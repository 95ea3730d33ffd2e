using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Auth;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// A transformer area's month: energy in (terminal + customers' PV export) and billed (customers' import + energy
/// sent back up) over the days that could be judged, the loss rate, and its flag: <c>high</c> above the threshold,
/// <c>negative</c> (more billed than supplied: a meter on the wrong area or a wrong CT ratio), <c>incomplete</c>.
/// </summary>
public sealed record LineLossAreaResponse(
    string TransformerCode, string Name, string? FeederCode, int OrgUnitId, int Days, int JudgedDays, double? SupplyKwh, double? SalesKwh, double? LineLossPercent, string? Flag);

public sealed record LineLossResponse(string Month, double ThresholdPercent, int Areas, int Abnormal, IReadOnlyList<LineLossAreaResponse> Transformers);

/// <summary>Line loss per transformer area (台区线损率) of a month, abnormal areas first.</summary>
public sealed class GetLineLoss(QualityReader quality, IOptions<MeterAnalyticsOptions> options)
{
    public async Task<MeterAnalyticsResult<LineLossResponse>> HandleAsync(int year, int month, StaffScope scope, CancellationToken cancellationToken)
    {
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.NetworkReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<LineLossResponse>.Forbidden(refusal);
        }

        var threshold = options.Value.LineLossThresholdPercent;
        var areas = await quality.LineLossAsync(year, month, [.. scope.VisibleOrgUnitIds], threshold / 100, cancellationToken);
        var rows = areas
            .Select(a => new LineLossAreaResponse(a.TransformerCode, a.Name, a.FeederCode, a.OrgUnitId, a.Days, a.JudgedDays, a.SupplyKwh, a.SalesKwh, 100 * a.LineLossRate, a.Flag))
            .OrderBy(a => a.Flag is "high" or "negative" ? 0 : 1).ThenByDescending(a => a.LineLossPercent.HasValue ? Math.Abs(a.LineLossPercent.Value) : -1)
            .ThenBy(a => a.TransformerCode, StringComparer.Ordinal)
            .ToList();
        return new MeterAnalyticsResult<LineLossResponse>.Found(new LineLossResponse(
            $"{year:D4}-{month:D2}", threshold, rows.Count, rows.Count(r => r.Flag is "high" or "negative"), rows));
    }
}
