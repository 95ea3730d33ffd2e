using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Auth;

namespace GridCare.Features.MeterAnalytics;

public sealed record TransformerResponse(string Code, string Name, double RatedKva, string? FeederCode, string? SubstationCode, int OrgUnitId, string AreaType);

/// <summary>A 15-minute point: apparent power, load rate, the terminal's imbalance and LV voltage range where it reported.</summary>
public sealed record LoadPointResponse(DateTime At, string Source, double? Kva, double? LoadPercent, double? ImbalancePercent, double? VoltageMin, double? VoltageMax);

public sealed record ForecastDayResponse(DateOnly Day, double PeakKva, double PeakLoadPercent);

/// <summary>How the method did on this transformer's own history (rolling origin), beside the seasonal-naive baseline.</summary>
public sealed record BacktestResponse(int Origins, double? NextDayMape, double? NextWeekMape, double? SeasonalNaiveNextDayMape, double? SeasonalNaiveNextWeekMape);

/// <summary>Next-day and next-week peak forecast after <c>origin</c> (weekday profile × smoothed level, see PeakForecaster).</summary>
public sealed record ForecastResponse(
    string Method, DateOnly Origin, ForecastDayResponse NextDay, double NextWeekPeakKva, double NextWeekPeakLoadPercent, IReadOnlyList<ForecastDayResponse> Days, BacktestResponse Backtest);

public sealed record TransformerLoadResponse(
    TransformerResponse Transformer, DateOnly From, DateOnly To, IReadOnlyList<TransformerDayResponse> Days, IReadOnlyList<LoadPointResponse> Series,
    IReadOnlyList<LoadEpisodeResponse> Episodes, ForecastResponse? Forecast);

/// <summary>One transformer's load over a range of China days: its 15-minute curve, daily summaries, episodes and peak forecast.</summary>
public sealed class GetTransformerLoad(TransformerLoadReader reader)
{
    private const int BacktestDays = 180;

    public async Task<TransformerDirectoryEntry?> FindAsync(string code, StaffScope scope, CancellationToken cancellationToken) =>
        await reader.TransformerAsync(code, cancellationToken) is { } t && scope.Sees(t.OrgUnitId) ? t : null;

    public Task<DateOnly?> LatestDayAsync(CancellationToken cancellationToken) => reader.LatestDayAsync(cancellationToken);

    public async Task<MeterAnalyticsResult<TransformerLoadResponse>> HandleAsync(TransformerDirectoryEntry transformer, DateOnly from, DateOnly to, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.NetworkReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<TransformerLoadResponse>.Forbidden(refusal);
        }

        if (!scope.Sees(transformer.OrgUnitId))
        {
            return new MeterAnalyticsResult<TransformerLoadResponse>.NotFound($"No transformer {transformer.TransformerCode} in your org units.");
        }

        var code = transformer.TransformerCode;
        var days = await reader.DaysAsync(code, from, to, cancellationToken);
        var episodes = await reader.EpisodesAsync([code], from, to, cancellationToken);
        var curve = await reader.CurveAsync(code, from, to, cancellationToken);
        var peaks = await reader.DailyPeaksAsync(code, to, BacktestDays, cancellationToken);
        var byDay = episodes.ToLookup(e => e.Day);
        return new MeterAnalyticsResult<TransformerLoadResponse>.Found(new TransformerLoadResponse(
            new TransformerResponse(code, transformer.Name, transformer.RatedKva, transformer.FeederCode, transformer.SubstationCode, transformer.OrgUnitId, transformer.AreaType),
            from,
            to,
            [.. days.Select(d => TransformerDayResponse.From(d, byDay[d.Day]))],
            [.. curve.Select(p => new LoadPointResponse(p.SlotStart, p.Source, p.Kva, 100 * p.LoadRate, 100 * p.Imbalance, p.VoltageMin, p.VoltageMax))],
            [.. episodes.Select(LoadEpisodeResponse.From)],
            Forecast(peaks, to, transformer.RatedKva)));
    }

    private static ForecastResponse? Forecast(Dictionary<DateOnly, double> peaks, DateOnly origin, double ratedKva)
    {
        if (PeakForecaster.Forecast(peaks, origin) is not { } forecast)
        {
            return null;
        }

        var profile = PeakForecaster.Backtest(peaks, ForecastMethod.WeeklyProfile);
        var seasonal = PeakForecaster.Backtest(peaks, ForecastMethod.SeasonalNaive);
        ForecastDayResponse Day(DailyPeak p) => new(p.Day, p.Peak, 100 * p.Peak / ratedKva);
        return new ForecastResponse(
            "weeklyProfile",
            origin,
            Day(forecast.NextDay),
            forecast.NextWeekPeak,
            100 * forecast.NextWeekPeak / ratedKva,
            [.. forecast.Days.Select(Day)],
            new BacktestResponse(profile.Origins, profile.NextDayMape, profile.NextWeekMape, seasonal.NextDayMape, seasonal.NextWeekMape));
    }
}
