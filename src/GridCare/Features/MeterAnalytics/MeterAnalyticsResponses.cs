using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Features.MeterAnalytics;

/// <summary>What a meter analytics query answers: the data, or why not (each maps to its status code).</summary>
public abstract record MeterAnalyticsResult<T>
{
    public sealed record Found(T Value) : MeterAnalyticsResult<T>;

    public sealed record NotFound(string Detail) : MeterAnalyticsResult<T>;

    public sealed record Forbidden(string Reason) : MeterAnalyticsResult<T>;
}

/// <summary>A heavy-load (> 80 %) or overload (> 100 %) episode: consecutive 15-minute intervals above the level.</summary>
public sealed record LoadEpisodeResponse(string Level, DateTime Start, DateTime End, int Minutes, double PeakLoadPercent, double PeakKva)
{
    public static LoadEpisodeResponse From(LoadEpisode e) => new(e.Level, e.Start, e.End, e.Minutes, 100 * e.PeakLoadRate, e.PeakKva);
}

/// <summary>
/// One transformer's day. Percentages are of rated kVA (load), of measured supplied time (voltage compliance) and of
/// energy in (line loss). <c>source</c>: terminal (its TTU all day), meters (the sum of its meters), mixed, none.
/// </summary>
public sealed record TransformerDayResponse(
    DateOnly Day, string TransformerCode, string Name, double RatedKva, string? FeederCode, string? SubstationCode, int OrgUnitId, string AreaType,
    string Source, double? PeakKva, double? PeakLoadPercent, DateTime? PeakAt, double? AverageLoadPercent, int HeavyMinutes, int OverloadMinutes,
    double? MaxImbalancePercent, int ImbalanceMinutes, int MetersExpected, int MetersReporting,
    double? VoltageCompliancePercent, int LowVoltageMeters, int HighVoltageMeters, string? VoltagePocket,
    double? SupplyKwh, double? SalesKwh, double? LineLossPercent, string? LineLossFlag, IReadOnlyList<LoadEpisodeResponse> Episodes)
{
    public static TransformerDayResponse From(TransformerDay d, IEnumerable<LoadEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(d);
        var source = (d.TerminalSlots, d.MeterSlots) switch
        {
            ( > 0, 0) => "terminal",
            (0, > 0) => "meters",
            ( > 0, > 0) => "mixed",
            _ => "none",
        };
        return new TransformerDayResponse(
            d.Day, d.TransformerCode, d.Name, d.RatedKva, d.FeederCode, d.SubstationCode, d.OrgUnitId, d.AreaType, source,
            d.PeakKva, 100 * d.PeakLoadRate, d.PeakAt, 100 * d.AverageLoadRate, d.HeavyMinutes, d.OverloadMinutes, 100 * d.MaxImbalance, d.ImbalanceMinutes,
            d.MetersExpected, d.MetersReporting, 100 * d.VoltageCompliance, d.LowVoltageMeters, d.HighVoltageMeters, d.VoltagePocket,
            d.SupplyKwh, d.SalesKwh, 100 * d.LineLossRate, d.LineLossFlag, [.. episodes.Select(LoadEpisodeResponse.From)]);
    }
}
