using System.Globalization;
using GridCare.Domain.Organization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.Satisfaction;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Components;
using Vizor.ECharts;

namespace GridCare.Features.ManagerDashboard.Pages;

/// <summary>The manager's one screen: the figures of the unit and period chosen, loaded through <see cref="GetDashboard"/>.</summary>
public partial class ManagerDashboardPage
{
    private bool allowed;
    private List<OrgUnit> units = [];
    private int unitId;
    private DateOnly from;
    private DateOnly to;
    private DashboardReport? report;
    private ComplaintScope? area;
    private ChartOptions trendChart = new();
    private ChartOptions slaChart = new();
    private ChartOptions mixChart = new();
    private int chartKey;

    [Inject]
    private GetDashboard Dashboard { get; set; } = default!;

    [Inject]
    private StaffScopeResolver Scopes { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string ExportUrl => string.Create(CultureInfo.InvariantCulture, $"api/v1/dashboard/export?orgUnitId={unitId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

    protected override async Task OnInitializedAsync()
    {
        if (await ScopeAsync() is not { } scope || !GetSatisfactionIndicators.MayRead(scope))
        {
            return;
        }

        allowed = true;
        var tree = await Scopes.TreeAsync(CancellationToken.None);
        units = [.. scope.VisibleOrgUnitIds.Select(tree.Find).OfType<OrgUnit>().OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal)];
        unitId = scope.OrgUnitId;
        to = ChinaTime.DateOf(Time.GetUtcNow().UtcDateTime);
        from = to.AddDays(-89);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (from > to || await ScopeAsync() is not { } scope
            || await ComplaintData.ScopeAsync(Scopes, scope, unitId, from, to, CancellationToken.None) is not { } chosen)
        {
            return;
        }

        area = chosen;
        report = await Dashboard.HandleAsync(scope, chosen, CancellationToken.None);
        var totals = report.Indicators.Totals;
        trendChart = ManagerDashboardCharts.Trend(report.Indicators, D["Trend_Revisit"], D["Trend_Fcr"], D["Trend_Sla"]);
        slaChart = ManagerDashboardCharts.Sla(totals.Sla, [.. totals.Sla.Select(s => D[$"Sla_{s.Target}"].Value)], D["Sla_Met"]);
        mixChart = ManagerDashboardCharts.Mix(
            report.Mix, [.. Enum.GetValues<ComplaintClass>().Select(c => L[$"ComplaintClass_{c}"].Value)], D["Mix_Actual"], D["Mix_Baseline"]);
        chartKey++;
    }

    private string Percent(double? rate) =>
        ManagerDashboardCharts.Percent(rate) is { } p ? p.ToString("0.0", CultureInfo.CurrentCulture) + " %" : D["Kpi_NoData"];

    private static string Of(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    private string Of(int part, int whole) => string.Format(CultureInfo.CurrentCulture, D["Kpi_Of"], part, whole);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
