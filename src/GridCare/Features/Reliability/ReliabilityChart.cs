using Vizor.ECharts;

namespace GridCare.Features.Reliability;

/// <summary>The monthly SAIDI bars of the reliability page, with and without major event days side by side.</summary>
internal static class ReliabilityChart
{
    public static ChartOptions Monthly(ReliabilityResponse report, string all, string excluding)
    {
        ArgumentNullException.ThrowIfNull(report);
        var months = report.Trend ?? [];
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Legend = new() { Data = new[] { all, excluding } },
            XAxis = new() { Type = AxisType.Category, Data = months.Select(m => m.Month).ToArray() },
            YAxis = new() { Type = AxisType.Value },
            Series = new()
            {
                new BarSeries { Name = all, Data = months.Select(m => Math.Round(m.All.Saidi, 1)).ToArray() },
                new BarSeries { Name = excluding, Data = months.Select(m => Math.Round(m.ExcludingMajorEvents.Saidi, 1)).ToArray() },
            },
        };
    }
}
