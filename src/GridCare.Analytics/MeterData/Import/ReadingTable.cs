namespace GridCare.Analytics.MeterData.Import;

/// <summary>Where a target's readings, day masks and directory live, so meters and terminals share one import.</summary>
internal sealed record ReadingTable(string Readings, string Key, string Days, bool PhasesInline, string DirectorySql, string HistoryFrom)
{
    /// <summary>Each device's average power over the stored days since <paramref name="since"/> (a SQL date).</summary>
    public string History(string since) =>
        $"SELECT {Key} AS device, sum(kwh) / nullif(sum(hours), 0) AS typical_kw FROM {HistoryFrom} WHERE day >= {since} GROUP BY {Key}";

    public static ReadingTable For(ReadingTarget target) => target == ReadingTarget.Meters
        ? new ReadingTable(
            "readings",
            "meter_no",
            "meter_days",
            PhasesInline: false,
            "SELECT meter_no AS device, has_generation AS generation, contracted_kva AS capacity FROM meter_directory",
            "meter_days")
        : new ReadingTable(
            "terminal_readings",
            "transformer_code",
            "terminal_days",
            PhasesInline: true,
            "SELECT transformer_code AS device, false AS generation, rated_kva AS capacity FROM transformer_directory",
            "terminal_days");
}
