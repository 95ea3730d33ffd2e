using System.Data.Common;

namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>One transformer's analysed day (see transformer_days in DerivedTables.sql).</summary>
public sealed record TransformerDay(
    DateOnly Day, string TransformerCode, string Name, double RatedKva, string? FeederCode, string? SubstationCode, int OrgUnitId, string AreaType,
    int TerminalSlots, int MeterSlots, double? PeakKva, double? PeakLoadRate, DateTime? PeakAt, double? AverageLoadRate,
    int HeavyMinutes, int OverloadMinutes, double? MaxImbalance, int ImbalanceMinutes,
    int MetersExpected, int MetersReporting, long VoltageMinutes, long WithinMinutes, double? VoltageCompliance, int LowVoltageMeters, int HighVoltageMeters, string? VoltagePocket,
    double? SupplyKwh, double? SalesKwh, double? LineLossRate, double? TerminalCoverage, double? MeterCoverage, string? LineLossFlag);

public sealed record LoadEpisode(string TransformerCode, DateOnly Day, string Level, DateTime Start, DateTime End, int Minutes, double PeakLoadRate, double PeakKva);

/// <summary>A 15-minute point of a transformer's load curve; source is terminal, meters or none (no data).</summary>
public sealed record LoadPoint(DateTime SlotStart, string Source, double? Kw, double? Kva, double? LoadRate, double? Imbalance, double? VoltageMin, double? VoltageMax);

/// <summary>An hour of the heat map: the highest 15-minute load rate of the hour.</summary>
public sealed record LoadHour(string TransformerCode, DateTime HourStart, double? LoadRate);

/// <summary>Reads the transformer analyses for the API and the console; every list is limited to the caller's org units.</summary>
public sealed class TransformerLoadReader(MeterStore store)
{
    /// <summary>The latest analysed day, the default of the day views.</summary>
    public async Task<DateOnly?> LatestDayAsync(CancellationToken cancellationToken)
    {
        var days = await AnalysisRows.ListAsync(store, "SELECT max(day) AS day FROM transformer_days", r => r.IsDBNull(0) ? (DateOnly?)null : r.Date("day"), cancellationToken);
        return days[0];
    }

    public async Task<TransformerDirectoryEntry?> TransformerAsync(string code, CancellationToken cancellationToken) =>
        (await AnalysisRows.ListAsync(
            store,
            "SELECT * FROM transformer_directory WHERE transformer_code = $code",
            r => new TransformerDirectoryEntry(r.Text("transformer_code")!, r.Text("name")!, r.Double("rated_kva") ?? 0, r.Text("feeder_code"), r.Text("substation_code"), r.Int("org_unit_id"), r.Text("area_type")!),
            cancellationToken,
            ("code", code))).FirstOrDefault();

    /// <summary>The day's transformers of the units, highest peak load rate first.</summary>
    public Task<List<TransformerDay>> RankAsync(DateOnly day, IReadOnlyCollection<int> orgUnitIds, int limit, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            $"SELECT * FROM transformer_days WHERE day = $day AND org_unit_id IN {AnalysisRows.Units(orgUnitIds)} ORDER BY peak_load_rate DESC NULLS LAST, transformer_code LIMIT $limit",
            Day,
            cancellationToken,
            ("day", day),
            ("limit", limit));

    public Task<List<TransformerDay>> DaysAsync(string code, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DaysAsync([code], from, to, cancellationToken);

    /// <summary>The analysed days of the given transformers over the range, by transformer and day.</summary>
    public Task<List<TransformerDay>> DaysAsync(IReadOnlyCollection<string> codes, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        codes.Count == 0
            ? Task.FromResult(new List<TransformerDay>())
            : AnalysisRows.ListAsync(
                store,
                "SELECT d.* FROM transformer_days d JOIN (SELECT unnest(string_split($codes, ',')) AS code) c ON c.code = d.transformer_code WHERE d.day BETWEEN $from AND $to ORDER BY d.transformer_code, d.day",
                Day,
                cancellationToken,
                ("codes", string.Join(',', codes)),
                ("from", from),
                ("to", to));

    /// <summary>Every transformer's analysed days in the range, for the early-warning rules that look at repeated days.</summary>
    public Task<List<TransformerDay>> WindowAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store, "SELECT * FROM transformer_days WHERE day BETWEEN $from AND $to ORDER BY transformer_code, day", Day, cancellationToken, ("from", from), ("to", to));

    /// <summary>Episodes of the given transformers (null: all of the units) over the days.</summary>
    public Task<List<LoadEpisode>> EpisodesAsync(IReadOnlyCollection<string> codes, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        codes.Count == 0
            ? Task.FromResult(new List<LoadEpisode>())
            : AnalysisRows.ListAsync(
                store,
                "SELECT e.* FROM load_episodes e JOIN (SELECT unnest(string_split($codes, ',')) AS code) c ON c.code = e.transformer_code WHERE e.day BETWEEN $from AND $to ORDER BY e.start_at, e.level",
                r => new LoadEpisode(r.Text("transformer_code")!, r.Date("day"), r.Text("level")!, r.Utc("start_at")!.Value, r.Utc("end_at")!.Value, r.Int("minutes"), r.Double("peak_load_rate") ?? 0, r.Double("peak_kva") ?? 0),
                cancellationToken,
                ("codes", string.Join(',', codes)),
                ("from", from),
                ("to", to));

    public Task<List<LoadPoint>> CurveAsync(string code, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            "SELECT * FROM transformer_intervals WHERE transformer_code = $code AND day BETWEEN $from AND $to ORDER BY slot_start",
            r => new LoadPoint(r.Utc("slot_start")!.Value, r.Text("source")!, r.Double("kw"), r.Double("kva"), r.Double("load_rate"), r.Double("imbalance"), r.Double("terminal_voltage_min"), r.Double("terminal_voltage_max")),
            cancellationToken,
            ("code", code),
            ("from", from),
            ("to", to));

    /// <summary>Hourly maxima of the load rate of the given transformers over the days, for the heat map.</summary>
    public Task<List<LoadHour>> HoursAsync(IReadOnlyCollection<string> codes, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        codes.Count == 0
            ? Task.FromResult(new List<LoadHour>())
            : AnalysisRows.ListAsync(
                store,
                """
                SELECT i.transformer_code, date_trunc('hour', i.slot_start) AS hour_start, max(i.load_rate) AS load_rate
                FROM transformer_intervals i JOIN (SELECT unnest(string_split($codes, ',')) AS code) c ON c.code = i.transformer_code
                WHERE i.day BETWEEN $from AND $to
                GROUP BY ALL ORDER BY 1, 2
                """,
                r => new LoadHour(r.Text("transformer_code")!, r.Utc("hour_start")!.Value, r.Double("load_rate")),
                cancellationToken,
                ("codes", string.Join(',', codes)),
                ("from", from),
                ("to", to));

    /// <summary>The transformer's daily peaks (kVA) of the <paramref name="days"/> days up to a day, for the forecast and its backtest.</summary>
    public async Task<Dictionary<DateOnly, double>> DailyPeaksAsync(string code, DateOnly to, int days, CancellationToken cancellationToken) =>
        (await PeaksAsync(code, to, days, cancellationToken)).ToDictionary(p => p.Day, p => p.Peak);

    /// <summary>Every transformer's daily peaks (kVA) of the <paramref name="days"/> days up to a day, for a store-wide backtest.</summary>
    public async Task<Dictionary<string, Dictionary<DateOnly, double>>> DailyPeaksOfAllAsync(DateOnly to, int days, CancellationToken cancellationToken) =>
        (await PeaksAsync(null, to, days, cancellationToken))
            .GroupBy(p => p.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Day, p => p.Peak), StringComparer.Ordinal);

    private Task<List<(string Code, DateOnly Day, double Peak)>> PeaksAsync(string? code, DateOnly to, int days, CancellationToken cancellationToken) =>
        AnalysisRows.ListAsync(
            store,
            "SELECT transformer_code, day, peak_kva FROM transformer_days WHERE ($code IS NULL OR transformer_code = $code) AND day > $from AND day <= $to AND peak_kva IS NOT NULL",
            r => (r.Text("transformer_code")!, r.Date("day"), r.Double("peak_kva")!.Value),
            cancellationToken,
            ("code", code),
            ("from", to.AddDays(-days)),
            ("to", to));

    internal static TransformerDay Day(DbDataReader r) => new(
        r.Date("day"), r.Text("transformer_code")!, r.Text("name")!, r.Double("rated_kva") ?? 0, r.Text("feeder_code"), r.Text("substation_code"), r.Int("org_unit_id"), r.Text("area_type")!,
        r.Int("terminal_slots"), r.Int("meter_slots"), r.Double("peak_kva"), r.Double("peak_load_rate"), r.Utc("peak_at"), r.Double("average_load_rate"),
        r.Int("heavy_minutes"), r.Int("overload_minutes"), r.Double("max_imbalance"), r.Int("imbalance_minutes"),
        r.Int("meters_expected"), r.Int("meters_reporting"), r.Long("voltage_minutes") ?? 0, r.Long("within_minutes") ?? 0, r.Double("voltage_compliance"), r.Int("low_voltage_meters"), r.Int("high_voltage_meters"), r.Text("voltage_pocket"),
        r.Double("supply_kwh"), r.Double("sales_kwh"), r.Double("line_loss_rate"), r.Double("terminal_coverage"), r.Double("meter_coverage"), r.Text("line_loss_flag"));
}
