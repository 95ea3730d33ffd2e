using System.Globalization;
using GridCare.Domain.Sla;
using Vizor.ECharts;

namespace GridCare.Features.MeterAnalytics;

/// <summary>The ECharts options of the meter analytics pages; times on the axes are China time.</summary>
internal static class MeterAnalyticsCharts
{
    /// <summary>Transformers (rows) × hours (columns) of the day, coloured by the hour's highest load rate.</summary>
    public static ChartOptions HeatMap(IReadOnlyList<string> transformers, IReadOnlyList<(string Code, DateTime HourStart, double? LoadPercent)> hours, DateOnly day, string label)
    {
        var columns = Enumerable.Range(0, 24).Select(h => $"{h:D2}:00").ToArray();
        var rows = transformers.Reverse().ToList();
        var index = rows.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var dayStart = ChinaTime.FromCst(day, TimeOnly.MinValue);
        var data = hours
            .Where(h => h.LoadPercent is not null && index.ContainsKey(h.Code))
            .Select(h => new object[] { (int)(h.HourStart - dayStart).TotalHours, index[h.Code], Math.Round(h.LoadPercent!.Value, 1) })
            .ToArray();
        return new ChartOptions
        {
            Tooltip = new() { Position = new TooltipPosition("top") },
            Grid = new() { Left = "15%", Top = "3%", Bottom = "18%" },
            XAxis = new() { Type = AxisType.Category, Data = columns },
            YAxis = new() { Type = AxisType.Category, Data = rows.ToArray() },
            VisualMap = new ContinuousVisualMap
            {
                Min = 0,
                Max = 120,
                Calculable = true,
                Orient = Orient.Horizontal,
                Left = "center",
                Bottom = "0%",
                Text = new[] { label, string.Empty },
                InRange = new() { Color = new ColorArray([new Color("#e6f4ff"), new Color("#91caff"), new Color("#fadb14"), new Color("#fa8c16"), new Color("#f5222d")]) },
            },
            Series = new() { new HeatmapSeries { Name = label, Data = data } },
        };
    }

    /// <summary>The 15-minute load rate with the heavy-load and overload lines.</summary>
    public static ChartOptions Load(IReadOnlyList<LoadPointResponse> series, double heavyPercent, double overloadPercent, string name)
    {
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Grid = new() { Left = "6%", Top = "8%", Bottom = "12%" },
            XAxis = new() { Type = AxisType.Category, Data = series.Select(p => Cst(p.At)).ToArray() },
            YAxis = new() { Type = AxisType.Value, Name = "%" },
            Series = new()
            {
                new LineSeries
                {
                    Name = name, ShowSymbol = false, Data = series.Select(p => p.LoadPercent is { } v ? (object)Math.Round(v, 1) : "-").ToArray(),
                    MarkLine = new MarkLine { Silent = true, Symbol = new StringArray("none"), Data = new object[] { new { yAxis = heavyPercent }, new { yAxis = overloadPercent } } },
                },
            },
        };
    }

    /// <summary>Daily voltage compliance of the area's meters against its target.</summary>
    public static ChartOptions Voltage(IReadOnlyList<TransformerDayResponse> days, double targetPercent, string name)
    {
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Grid = new() { Left = "6%", Top = "8%", Bottom = "12%" },
            XAxis = new() { Type = AxisType.Category, Data = days.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray() },
            YAxis = new() { Type = AxisType.Value, Name = "%", Min = 80, Max = 100 },
            Series = new()
            {
                new BarSeries
                {
                    Name = name, Data = days.Select(d => d.VoltageCompliancePercent is { } v ? (object)Math.Round(v, 2) : "-").ToArray(),
                    MarkLine = new MarkLine { Silent = true, Symbol = new StringArray("none"), Data = new object[] { new { yAxis = targetPercent } } },
                },
            },
        };
    }

    /// <summary>Daily peaks (kVA) of the range and the forecast of the seven days after it, with the rated kVA.</summary>
    public static ChartOptions Forecast(IReadOnlyList<TransformerDayResponse> days, ForecastResponse? forecast, double ratedKva, string actual, string forecastName)
    {
        var labels = days.Select(d => d.Day).Concat(forecast?.Days.Select(d => d.Day) ?? []).Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var history = days.Select(d => d.PeakKva is { } v ? (object)Math.Round(v, 1) : "-").ToList();
        var ahead = forecast?.Days.Select(d => (object)Math.Round(d.PeakKva, 1)).ToList() ?? [];
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis },
            Legend = new() { Data = new[] { actual, forecastName } },
            Grid = new() { Left = "6%", Top = "12%", Bottom = "12%" },
            XAxis = new() { Type = AxisType.Category, Data = labels },
            YAxis = new() { Type = AxisType.Value, Name = "kVA" },
            Series = new()
            {
                new LineSeries
                {
                    Name = actual, Data = history.Concat(ahead.Select(_ => (object)"-")).ToArray(),
                    MarkLine = new MarkLine { Silent = true, Symbol = new StringArray("none"), Data = new object[] { new { yAxis = ratedKva } } },
                },
                new LineSeries
                {
                    Name = forecastName, LineStyle = new() { Type = new LineType(LineTypeStyle.Dashed) },
                    Data = history.Select((_, i) => i == history.Count - 1 ? history[i] : "-").Concat(ahead).ToArray(),
                },
            },
        };
    }

    /// <summary>A customer's daily energy.</summary>
    public static ChartOptions Consumption(IReadOnlyList<ConsumptionDayResponse> days, string name) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Grid = new() { Left = "6%", Top = "8%", Bottom = "12%" },
        XAxis = new() { Type = AxisType.Category, Data = days.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToArray() },
        YAxis = new() { Type = AxisType.Value, Name = "kWh" },
        Series = new() { new BarSeries { Name = name, Data = days.Select(d => Math.Round(d.ImportKwh, 2)).ToArray() } },
    };

    private static string Cst(DateTime utc) => ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
