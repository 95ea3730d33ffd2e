using System.Globalization;
using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

public class PeakForecastTests
{
    private static readonly DateOnly Start = new(2026, 9, 7); // a Monday

    /// <summary>The smoothing weights 1, ½, ¼ … of the last seven days, yesterday first.</summary>
    private static readonly double[] Weights = [.. Enumerable.Range(0, 7).Select(k => Math.Pow(0.5, k))];

    [Fact]
    public void WeeklyProfile_HalfShrunkFactors_TimesTheSmoothedLevel()
    {
        // Weekdays peak at 100 kVA, weekends at 60. Centred weekly mean 88.57 (= 620 / 7): raw factors 100 / 88.57 and
        // 60 / 88.57, shrunk half-way to 1. The origin is a Sunday, so the smoothing weights fall on Sun, Sat, Fri … Mon.
        var peaks = Days(42, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 60 : 100);
        var origin = Start.AddDays(41);
        var weekday = 1 + (0.5 * ((100 / (620 / 7.0)) - 1));
        var weekend = 1 + (0.5 * ((60 / (620 / 7.0)) - 1));
        var level = ((Weights[0] + Weights[1]) * 60 / weekend + Weights[2..].Sum() * 100 / weekday) / Weights.Sum();

        var forecast = PeakForecaster.Forecast(peaks, origin)!;

        Assert.Equal(origin.AddDays(1), forecast.NextDay.Day);
        Assert.Equal(level * weekday, forecast.NextDay.Peak, 9);
        Assert.Equal(level * weekend, forecast.Days[5].Peak, 9);
        Assert.Equal(((level * weekday) + 100) / 2, forecast.NextWeekPeak, 9);
    }

    [Fact]
    public void LinearGrowth_LeavesTheFactorsAtOne_AndTheLevelIsTheSmoothedPeak()
    {
        // 100 + 2·i kVA on day i: a centred weekly mean equals the day itself, so every factor is 1.
        var peaks = Days(42, d => 100 + (2.0 * (d.DayNumber - Start.DayNumber)));
        var origin = Start.AddDays(41);
        var level = Enumerable.Range(0, 7).Sum(k => Weights[k] * (182 - (2 * k))) / Weights.Sum();

        var forecast = PeakForecaster.Forecast(peaks, origin)!;

        Assert.All(forecast.Days, d => Assert.Equal(level, d.Peak, 9));
        Assert.Equal((level + 182) / 2, forecast.NextWeekPeak, 9);
    }

    [Fact]
    public void UnderFourDaysOfTheLastWeek_NoForecast()
    {
        var peaks = Days(3, _ => 50);

        Assert.Null(PeakForecaster.Forecast(peaks, Start.AddDays(2)));
    }

    [Fact]
    public void Backtest_ScoresEveryOriginWithTwoWeeksBehindAndOneAhead_AndTheProfileBeatsNaiveOnAWeeklySeries()
    {
        var peaks = Days(70, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 60 : 100);

        var profile = PeakForecaster.Backtest(peaks, ForecastMethod.WeeklyProfile);
        var naive = PeakForecaster.Backtest(peaks, ForecastMethod.Naive);
        var seasonal = PeakForecaster.Backtest(peaks, ForecastMethod.SeasonalNaive);

        Assert.Equal(70 - 13 - 7, profile.Origins);
        Assert.True(profile.NextDayMape < naive.NextDayMape);
        Assert.Equal(0, seasonal.NextDayMape!.Value, 9);
    }

    /// <summary>
    /// The real series of ../shared/data/ett_transformer (two Chinese distribution transformers, hourly, 2016–2018):
    /// daily peaks of the high useful load (HUFL). The method must beat the seasonal-naive baseline on both; the
    /// MAPE figures are recorded in docs/meter-analytics.md.
    /// </summary>
    [Theory]
    [InlineData("ETTh1.csv")]
    [InlineData("ETTh2.csv")]
    public void EttTransformers_WeeklyProfileBeatsSeasonalNaive(string file)
    {
        var folder = SharedData.RequireFolder("ett_transformer");
        var peaks = File.ReadLines(Path.Combine(folder, file)).Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(f => DateOnly.ParseExact(f[0][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Where(g => g.Count() == 24)
            .ToDictionary(g => g.Key, g => g.Max(f => double.Parse(f[1], CultureInfo.InvariantCulture)));

        var profile = PeakForecaster.Backtest(peaks, ForecastMethod.WeeklyProfile);
        var seasonal = PeakForecaster.Backtest(peaks, ForecastMethod.SeasonalNaive);
        var naive = PeakForecaster.Backtest(peaks, ForecastMethod.Naive);
        var figures = FormattableString.Invariant(
            $"{file}: {profile.Origins} origins; next day MAPE {profile.NextDayMape:F1} % (seasonal naive {seasonal.NextDayMape:F1} %, naive {naive.NextDayMape:F1} %); next week {profile.NextWeekMape:F1} % ({seasonal.NextWeekMape:F1} %, {naive.NextWeekMape:F1} %)");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);

        Assert.True(profile.Origins > 600, figures);
        Assert.True(profile.NextDayMape < seasonal.NextDayMape, figures);
        Assert.True(profile.NextWeekMape < seasonal.NextWeekMape, figures);
    }

    private static Dictionary<DateOnly, double> Days(int count, Func<DateOnly, double> peak) =>
        Enumerable.Range(0, count).Select(i => Start.AddDays(i)).ToDictionary(d => d, peak);
}
