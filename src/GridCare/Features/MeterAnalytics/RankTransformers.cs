using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Auth;

namespace GridCare.Features.MeterAnalytics;

/// <summary>A feeder's or supply station's transformers on the day: how many ran heavy, overloaded, in a voltage pocket or with abnormal line loss.</summary>
public sealed record TransformerGroupResponse(string Key, string Name, int Transformers, int HeavyLoaded, int Overloaded, double? MaxPeakLoadPercent, int VoltagePockets, int LineLossFlags);

/// <summary>The day's transformers ranked by peak load rate (the first <c>limit</c>, with their episodes), and the totals per feeder and supply station.</summary>
public sealed record TransformerRankingResponse(
    DateOnly? Day, int Transformers, IReadOnlyList<TransformerDayResponse> Ranked, IReadOnlyList<TransformerGroupResponse> ByFeeder, IReadOnlyList<TransformerGroupResponse> BySupplyStation);

/// <summary>The transformer risk table: a day's transformers of the caller's units, highest peak load rate first.</summary>
public sealed class RankTransformers(TransformerLoadReader reader, StaffScopeResolver scopes)
{
    public async Task<MeterAnalyticsResult<TransformerRankingResponse>> HandleAsync(DateOnly? date, int limit, StaffScope scope, CancellationToken cancellationToken)
    {
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.NetworkReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<TransformerRankingResponse>.Forbidden(refusal);
        }

        if ((date ?? await reader.LatestDayAsync(cancellationToken)) is not { } day)
        {
            return new MeterAnalyticsResult<TransformerRankingResponse>.Found(new TransformerRankingResponse(null, 0, [], [], []));
        }

        var all = await reader.RankAsync(day, [.. scope.VisibleOrgUnitIds], int.MaxValue, cancellationToken);
        var ranked = all.Take(limit).ToList();
        var episodes = (await reader.EpisodesAsync([.. ranked.Select(r => r.TransformerCode)], day, day, cancellationToken)).ToLookup(e => e.TransformerCode);
        var tree = await scopes.TreeAsync(cancellationToken);
        return new MeterAnalyticsResult<TransformerRankingResponse>.Found(new TransformerRankingResponse(
            day,
            all.Count,
            [.. ranked.Select(r => TransformerDayResponse.From(r, episodes[r.TransformerCode]))],
            Groups(all, t => t.FeederCode ?? "", key => key),
            Groups(all, t => t.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), key => tree.Find(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture))?.Name ?? key)));
    }

    private static List<TransformerGroupResponse> Groups(List<TransformerDay> days, Func<TransformerDay, string> key, Func<string, string> name) =>
        [.. days.GroupBy(key).Select(g => new TransformerGroupResponse(
                g.Key, name(g.Key), g.Count(), g.Count(t => t.HeavyMinutes > 0), g.Count(t => t.OverloadMinutes > 0),
                g.Max(t => t.PeakLoadRate) * 100, g.Count(t => t.VoltagePocket is not null), g.Count(t => t.LineLossFlag is "high" or "negative")))
            .OrderByDescending(g => g.MaxPeakLoadPercent).ThenBy(g => g.Key, StringComparer.Ordinal)];
}
