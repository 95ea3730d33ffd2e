using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.Satisfaction;
using Vizor.ECharts;

namespace GridCare.Features.ManagerDashboard;

/// <summary>
/// The dashboard's charts, drawn to be read from the back of a meeting room and on a phone: 16 px text, legends on
/// top, and grids that keep their labels inside (the chart shrinks to the width the layout gives it).
/// </summary>
internal static class ManagerDashboardCharts
{
    private const int FontSize = 16;

    /// <summary>Revisit satisfaction, first-contact resolution and SLA compliance per period, in per cent.</summary>
    public static ChartOptions Trend(SatisfactionIndicatorsResponse indicators, string revisit, string fcr, string sla) => Readable(new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Legend = new() { Data = new[] { revisit, fcr, sla } },
        XAxis = new() { Type = AxisType.Category, Data = indicators.Series.Select(s => s.Period).ToArray() },
        YAxis = new() { Type = AxisType.Value, Min = 0, Max = 100 },
        Series = new()
        {
            Line(revisit, indicators.Series.Select(s => s.RevisitSatisfactionRate)),
            Line(fcr, indicators.Series.Select(s => s.FirstContactResolutionRate)),
            Line(sla, indicators.Series.Select(s => s.SlaComplianceRate)),
        },
    });

    /// <summary>On-time share of each SLA limit that had anything due.</summary>
    public static ChartOptions Sla(IReadOnlyList<SlaCompliance> targets, IReadOnlyList<string> names, string onTime) => Readable(new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        XAxis = new() { Type = AxisType.Category, Data = names.ToArray() },
        YAxis = new() { Type = AxisType.Value, Min = 0, Max = 100 },
        Series = new() { new BarSeries { Name = onTime, Data = targets.Select(t => Percent(t.Rate) ?? 0).ToArray() } },
    });

    /// <summary>The complaint analytics' own mix chart, in the dashboard's sizes.</summary>
    public static ChartOptions Mix(ComplaintMixResponse mix, IReadOnlyList<string> classNames, string actual, string baseline) =>
        Readable(ComplaintAnalyticsCharts.Mix(mix, classNames, actual, baseline));

    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static LineSeries Line(string name, IEnumerable<double?> rates) =>
        new() { Name = name, ConnectNulls = true, Data = rates.Select(Percent).ToArray() };

    private static ChartOptions Readable(ChartOptions options)
    {
        options.TextStyle = new() { FontSize = FontSize };
        options.Grid = new() { Left = "3%", Right = "3%", Top = 56, Bottom = "3%", ContainLabel = true };
        if (options.Legend is { } legend)
        {
            legend.TextStyle = new() { FontSize = FontSize };
            legend.Top = 0;
        }

        return options;
    }
}
