using Vizor.ECharts;

namespace GridCare.Features.CustomerProfile;

/// <summary>The ECharts options of the insight pages: curves over the day (China time) and bars.</summary>
internal static class InsightCharts
{
    /// <summary>One line per curve over the quarter hours of a day (00:00 … 23:45).</summary>
    public static ChartOptions Day(IReadOnlyList<(string Name, IReadOnlyList<double> Values)> curves)
    {
        var slots = curves.Count == 0 ? 96 : curves.Max(c => c.Values.Count);
        var step = 1440 / Math.Max(1, slots);
        var options = new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Legend = new() { Type = LegendType.Scroll, Bottom = "0%" },
            Grid = new() { Left = "8%", Top = "8%", Bottom = "18%" },
            XAxis = new() { Type = AxisType.Category, Data = Enumerable.Range(0, slots).Select(i => $"{i * step / 60:D2}:{i * step % 60:D2}").ToArray() },
            YAxis = new() { Type = AxisType.Value },
            Series = new(),
        };
        foreach (var (name, values) in curves)
        {
            options.Series.Add(new LineSeries { Name = name, ShowSymbol = false, Data = values.Select(v => Math.Round(v, 5)).ToArray() });
        }

        return options;
    }

    public static ChartOptions Bars(IReadOnlyList<string> labels, IReadOnlyList<double> values, string name) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Grid = new() { Left = "10%", Top = "8%", Bottom = "15%" },
        XAxis = new() { Type = AxisType.Category, Data = labels.ToArray() },
        YAxis = new() { Type = AxisType.Value },
        Series = new() { new BarSeries { Name = name, Data = values.Select(v => Math.Round(v, 2)).ToArray() } },
    };
}
