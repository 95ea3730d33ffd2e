using GridCare.Analytics.Reliability;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.ComplaintRisk;
using GridCare.Features.Reliability;
using GridCare.Features.Revisits;
using GridCare.Features.Satisfaction;
using GridCare.Features.Warnings;
using GridCare.Platform.Auth;

namespace GridCare.Features.ManagerDashboard;

/// <summary>
/// Everything on the manager's one screen, each part from the feature that owns it. <see cref="Reliability"/> is null
/// where the caller's role does not read reliability (analysts) or the unit serves no customers.
/// </summary>
public sealed record DashboardReport(
    SatisfactionIndicatorsResponse Indicators,
    ComplaintMixResponse Mix,
    ReliabilityResponse? Reliability,
    IReadOnlyList<ComplaintRiskItem> TransformerRisk,
    IReadOnlyList<WarningResponse> Warnings);

/// <summary>
/// Builds the manager dashboard of a scope already checked against the caller: indicators (satisfaction), complaint
/// mix beside the baseline (complaint analytics), reliability indices (reliability), the riskiest transformers
/// (complaint risk) and the active transformer warnings from meter data (warnings).
/// </summary>
public sealed class GetDashboard(
    GetSatisfactionIndicators indicators, GetComplaintMix mix, GetReliability reliability, ListComplaintRisk risk, ListWarnings warnings)
{
    /// <summary>How many transformers and warnings the screen lists: what a manager can act on in one meeting.</summary>
    public const int Top = 10;

    public async Task<DashboardReport> HandleAsync(StaffScope scope, ComplaintScope area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        var values = await indicators.IndicatorsAsync(scope, area, IntervalOf(area), cancellationToken);
        var complaints = await mix.HandleAsync(area, cancellationToken);
        var indices = await reliability.HandleAsync(
            new ReliabilityRequest(area.OrgUnitId, null, area.From, area.To, DeviationConvention.Sample, null), scope, cancellationToken) switch
        {
            GetReliabilityResult.Found found => found.Reliability,
            _ => null,
        };
        var transformers = await risk.HandleAsync(scope, "transformer", area.OrgUnitId, Top, cancellationToken) switch
        {
            ListComplaintRiskResult.Found found => found.List.Items,
            _ => [],
        };
        var active = await warnings.ListAsync(new WarningQuery(WarningFilter.Active, null, null, area.OrgUnitId, null, 1, Top), scope, cancellationToken);
        return new DashboardReport(values, complaints, indices, transformers, active.Items);
    }

    /// <summary>Days for a month or less, weeks up to about four months, months beyond: a trend of 5 to 30 points.</summary>
    public static RevisitPeriod IntervalOf(ComplaintScope area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var days = area.To.DayNumber - area.From.DayNumber + 1;
        return days <= 31 ? RevisitPeriod.Day : days <= 124 ? RevisitPeriod.Week : RevisitPeriod.Month;
    }
}
