using Vizor.ECharts;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>The dashboard's charts: the class mix beside the baseline, and complaints per China month.</summary>
internal static class ComplaintAnalyticsCharts
{
    public static ChartOptions Mix(ComplaintMixResponse mix, IReadOnlyList<string> classNames, string actual, string baseline) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Legend = new() { Data = new[] { actual, baseline } },
        XAxis = new() { Type = AxisType.Category, Data = classNames.ToArray() },
        YAxis = new() { Type = AxisType.Value },
        Series = new()
        {
            new BarSeries { Name = actual, Data = mix.ByClass.Select(c => c.Share).ToArray() },
            new BarSeries { Name = baseline, Data = mix.ByClass.Select(c => c.BaselineShare).ToArray() },
        },
    };

    public static ChartOptions Trend(ComplaintMixResponse mix, string complaints) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        XAxis = new() { Type = AxisType.Category, Data = mix.Trend.Select(t => t.Month).ToArray() },
        YAxis = new() { Type = AxisType.Value },
        Series = new() { new LineSeries { Name = complaints, Data = mix.Trend.Select(t => t.Complaints).ToArray() } },
    };
}
