namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>A transformer's peak of one China day (kVA, or any unit: the forecast keeps the unit).</summary>
public sealed record DailyPeak(DateOnly Day, double Peak);

/// <summary>The forecast daily peaks of the seven days after the origin, and the largest peak expected among them.</summary>
public sealed record PeakForecast(DateOnly Origin, IReadOnlyList<DailyPeak> Days, double NextWeekPeak)
{
    public DailyPeak NextDay => Days[0];
}

public enum ForecastMethod
{
    /// <summary>Weekday factors × an exponentially smoothed level (the method GridCare uses).</summary>
    WeeklyProfile,

    /// <summary>The same weekday a week before (the usual baseline for daily load).</summary>
    SeasonalNaive,

    /// <summary>Yesterday's peak for every day ahead.</summary>
    Naive,
}

/// <summary>
/// Next-day and next-week peak load of a transformer from its daily peaks. The method is deliberately simple and
/// explainable to a supply station: the level is an exponentially smoothed mean of the last 7 days' peaks (weights
/// 1, ½, ¼ … from yesterday back, weekday effects removed), and each weekday keeps its own factor (classical
/// decomposition over the last 28 days, shrunk half-way towards 1 because four weeks give noisy factors; 1 until two
/// weeks of data exist). Daily peaks move with the weather and the weekly rhythm, which level and factors follow;
/// a linear trend was tried and made the backtests worse (docs/meter-analytics.md). <see cref="Backtest"/> measures
/// the method (MAPE) against the naive baselines.
/// </summary>
public static class PeakForecaster
{
    public const int Horizon = 7;
    private const int ProfileDays = 28;
    private const int LevelDays = 7;
    private const double LevelSmoothing = 0.5;

    /// <summary>Days of history before a backtest origin: two weeks, enough for the weekday factors.</summary>
    private const int BacktestHistoryDays = 14;
    private const double FactorWeight = 0.5;

    /// <summary>The forecast from the peaks up to and including <paramref name="origin"/>, or null with under a week of them.</summary>
    public static PeakForecast? Forecast(IReadOnlyDictionary<DateOnly, double> peaks, DateOnly origin, ForecastMethod method = ForecastMethod.WeeklyProfile)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        var window = Enumerable.Range(0, ProfileDays).Select(i => origin.AddDays(-i))
            .Where(peaks.ContainsKey).Select(d => (Day: d, Peak: peaks[d])).ToList();
        if (window.Count(w => w.Day > origin.AddDays(-LevelDays)) < 4)
        {
            return null;
        }

        Func<DateOnly, double> predict = method switch
        {
            ForecastMethod.Naive => _ => window[0].Peak,
            ForecastMethod.SeasonalNaive => day => SameWeekday(peaks, day, origin) ?? window[0].Peak,
            ForecastMethod.WeeklyProfile => WeeklyProfile(window, origin),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        List<DailyPeak> days = [.. Enumerable.Range(1, Horizon).Select(h => origin.AddDays(h)).Select(d => new DailyPeak(d, Math.Max(0, predict(d))))];

        // Daily forecasts are smooth, so their maximum understates the largest of seven noisy peaks, while last week's
        // observed maximum carries last week's noise: the week's peak is forecast as the mean of the two.
        var lastWeek = window.Where(w => w.Day > origin.AddDays(-LevelDays)).Max(w => w.Peak);
        var weekPeak = method == ForecastMethod.WeeklyProfile ? (days.Max(d => d.Peak) + lastWeek) / 2 : days.Max(d => d.Peak);
        return new PeakForecast(origin, days, weekPeak);
    }

    /// <summary>
    /// Rolling-origin backtest: from every day with two weeks of history up to it and a full week after, the
    /// next-day forecast against that day's peak and the next-week peak against the week's actual maximum.
    /// Days whose actual peak is not positive are left out (MAPE is undefined there).
    /// </summary>
    public static BacktestResult Backtest(IReadOnlyDictionary<DateOnly, double> peaks, ForecastMethod method) => BacktestMany([peaks], method);

    /// <summary>
    /// The backtest of many series (every transformer of a store) pooled: the mean error over all their origins,
    /// so that a transformer with a long history weighs more than one with a few days.
    /// </summary>
    public static BacktestResult BacktestMany(IEnumerable<IReadOnlyDictionary<DateOnly, double>> series, ForecastMethod method)
    {
        ArgumentNullException.ThrowIfNull(series);
        var dayErrors = new List<double>();
        var weekErrors = new List<double>();
        foreach (var peaks in series)
        {
            ArgumentNullException.ThrowIfNull(peaks);
            Score(peaks, method, dayErrors, weekErrors);
        }

        return new BacktestResult(
            method, dayErrors.Count, dayErrors.Count > 0 ? 100 * dayErrors.Average() : null, weekErrors.Count > 0 ? 100 * weekErrors.Average() : null);
    }

    private static void Score(IReadOnlyDictionary<DateOnly, double> peaks, ForecastMethod method, List<double> dayErrors, List<double> weekErrors)
    {
        var days = peaks.Keys.Order().ToList();
        if (days.Count == 0)
        {
            return;
        }

        for (var origin = days[0].AddDays(BacktestHistoryDays - 1); origin.AddDays(Horizon) <= days[^1]; origin = origin.AddDays(1))
        {
            var history = peaks.Where(p => p.Key <= origin).ToDictionary();
            if (Forecast(history, origin, method) is not { } forecast)
            {
                continue;
            }

            if (peaks.TryGetValue(origin.AddDays(1), out var next) && next > 0)
            {
                dayErrors.Add(Math.Abs(forecast.NextDay.Peak - next) / next);
            }

            var week = Enumerable.Range(1, Horizon).Select(h => origin.AddDays(h)).Where(peaks.ContainsKey).Select(d => peaks[d]).ToList();
            if (week.Count == Horizon && week.Max() > 0)
            {
                weekErrors.Add(Math.Abs(forecast.NextWeekPeak - week.Max()) / week.Max());
            }
        }
    }

    private static Func<DateOnly, double> WeeklyProfile(List<(DateOnly Day, double Peak)> window, DateOnly origin)
    {
        var factors = WeekdayFactors(window);
        double Factor(DateOnly day) => factors.GetValueOrDefault(day.DayOfWeek, 1) is var f && f > 0 ? f : 1;
        var level = window.Where(w => w.Day > origin.AddDays(-LevelDays)).ToList();
        var weights = level.Select(w => Math.Pow(1 - LevelSmoothing, origin.DayNumber - w.Day.DayNumber)).ToList();
        var levelValue = level.Select((w, i) => weights[i] * w.Peak / Factor(w.Day)).Sum() / weights.Sum();
        return day => levelValue * Factor(day);
    }

    /// <summary>
    /// Classical multiplicative decomposition: each day's peak against the centred 7-day mean around it (which a
    /// linear trend leaves unchanged), averaged per weekday and scaled to a mean of 1. Needs two weeks of such days.
    /// </summary>
    private static Dictionary<DayOfWeek, double> WeekdayFactors(List<(DateOnly Day, double Peak)> window)
    {
        var byDay = window.ToDictionary(w => w.Day, w => w.Peak);
        var ratios = new List<(DayOfWeek Weekday, double Ratio)>();
        foreach (var (day, peak) in window)
        {
            var around = Enumerable.Range(-3, 7).Select(i => day.AddDays(i)).Where(byDay.ContainsKey).Select(d => byDay[d]).ToList();
            if (around.Count == 7 && around.Average() > 0)
            {
                ratios.Add((day.DayOfWeek, peak / around.Average()));
            }
        }

        if (ratios.Count < 2 * LevelDays || ratios.Select(r => r.Weekday).Distinct().Count() < 7)
        {
            return [];
        }

        var raw = ratios.GroupBy(r => r.Weekday).ToDictionary(g => g.Key, g => g.Average(r => r.Ratio));
        var scale = raw.Values.Average();
        return raw.ToDictionary(r => r.Key, r => 1 + (FactorWeight * ((r.Value / scale) - 1)));
    }

    private static double? SameWeekday(IReadOnlyDictionary<DateOnly, double> peaks, DateOnly day, DateOnly origin)
    {
        for (var back = day.AddDays(-7); back > origin.AddDays(-ProfileDays); back = back.AddDays(-7))
        {
            if (back <= origin && peaks.TryGetValue(back, out var peak))
            {
                return peak;
            }
        }

        return null;
    }
}

/// <summary>Mean absolute percentage errors (percent) of a method over a series, and how many origins were scored.</summary>
public sealed record BacktestResult(ForecastMethod Method, int Origins, double? NextDayMape, double? NextWeekMape);
