using System.Globalization;

namespace GridCare.Analytics.MeterData.Demo;

/// <summary>
/// Interval readings for the demo area, generated inside DuckDB from the store's network directory and a seed, as
/// queries the importer loads like any other batch (so they pass the same validation and bookkeeping). 15-minute
/// energy per meter follows its category's daily and weekly shape (evening-peak households, daytime commerce,
/// two-shift industry, midday irrigation), scaled per transformer (households more than businesses, whose
/// contracted capacity bounds them) so most run at 30–75 % of rating at peak and about one in twenty-five runs hot. Low-voltage pockets sit behind a few transformers with a long LV line;
/// a few transformers lose supply for some hours (their meters and terminal report nothing then); a few meters drop
/// suddenly, read zero for days, or run backwards without generation on record; customers with generation export
/// at midday. Terminal (TTU) readings are the sum of their meters plus the area's losses, with voltage and per-phase
/// current. Everything is a pure function of the seed, so the same seed gives the same readings.
/// </summary>
public static class DemoReadings
{
    /// <summary>The meters' readings (energy every 15 minutes, voltage on the hour) for <paramref name="days"/> days from <paramref name="first"/>.</summary>
    public static string MeterQuery(int seed, DateOnly first, int days) => Common(seed, first, days) + """
        SELECT dm.meter_no AS device,
               d.day_start + to_minutes(s.slot * 15) AS ts,
               15::UTINYINT AS minutes,
               round(CASE WHEN dm.anomaly = 'zero' AND d.i >= 20 THEN 0
                          ELSE dm.daily_kwh * CASE WHEN dm.category = 'residential' THEN dt.home_factor ELSE dt.other_factor END * sh.share * (0.8 + 0.4 * (hash(dm.meter_no, d.i, s.slot) % 10000) / 10000.0)
                               * CASE WHEN dm.anomaly = 'drop' AND d.i >= 18 THEN 0.15 ELSE 1 END
                               - CASE WHEN dm.has_generation THEN dm.pv_kw * 0.25 * d.sun * greatest(0, sin(pi() * ((s.slot + 0.5) / 4.0 - 6) / 12)) ELSE 0 END
                               - CASE WHEN dm.anomaly = 'reverse' AND d.i >= 22 AND s.slot BETWEEN 40 AND 64 THEN 0.35 ELSE 0 END
                     END, 3) AS kwh,
               CASE WHEN s.slot % 4 = 0 THEN round(232 - (dt.drop_v + dm.extra_v) * dt.target_rate * res.of_peak + 3 * ((hash(dm.meter_no, d.i, s.slot, 'v') % 1000) / 1000.0 - 0.5), 1) END AS va,
               CASE WHEN s.slot % 4 = 0 AND dm.phases = 3 THEN round(232 - (dt.drop_v + dm.extra_v) * dt.target_rate * res.of_peak * 0.95, 1) END AS vb,
               CASE WHEN s.slot % 4 = 0 AND dm.phases = 3 THEN round(232 - (dt.drop_v + dm.extra_v) * dt.target_rate * res.of_peak * 1.05, 1) END AS vc,
               NULL::DOUBLE AS ia, NULL::DOUBLE AS ib, NULL::DOUBLE AS ic
        FROM demo_meters dm
        JOIN demo_transformers dt USING (transformer_code)
        CROSS JOIN demo_days d
        CROSS JOIN range(96) s(slot)
        JOIN demo_shapes sh ON sh.category = dm.category AND sh.weekday = d.weekday AND sh.slot = s.slot
        JOIN demo_shapes res ON res.category = 'residential' AND res.weekday = d.weekday AND res.slot = s.slot
        WHERE NOT (d.i = dt.outage_day AND s.slot BETWEEN dt.outage_slot AND dt.outage_slot + dt.outage_slots - 1)
        """;

    /// <summary>The terminals' readings: their meters' energy of batch <paramref name="meterBatch"/> plus losses, voltage and currents.</summary>
    public static string TerminalQuery(int seed, DateOnly first, int days, int meterBatch) => Common(seed, first, days) + $"""
        , area AS (
            SELECT m.transformer_code, r.interval_start, sum(r.kwh) AS kwh
            FROM readings r JOIN meter_directory m USING (meter_no)
            WHERE r.batch_no = {meterBatch}
            GROUP BY ALL)
        SELECT a.transformer_code AS device, a.interval_start AS ts, 15::UTINYINT AS minutes,
               round(greatest(a.kwh, 0) * (1 + dt.loss_rate), 3) AS kwh,
               round(233 - dt.drop_v * 0.5 * least(a.kwh * 4 / (dt.rated_kva * 0.9), 1.5), 1) AS va,
               round(233 - dt.drop_v * 0.5 * least(a.kwh * 4 / (dt.rated_kva * 0.9), 1.5) - 1.5, 1) AS vb,
               round(233 - dt.drop_v * 0.5 * least(a.kwh * 4 / (dt.rated_kva * 0.9), 1.5) + 1.0, 1) AS vc,
               round(greatest(a.kwh, 0) * 4 / 0.9 * 1000 / (3 * 230) * (1 + dt.imbalance), 1) AS ia,
               round(greatest(a.kwh, 0) * 4 / 0.9 * 1000 / (3 * 230) * (1 - dt.imbalance / 2), 1) AS ib,
               round(greatest(a.kwh, 0) * 4 / 0.9 * 1000 / (3 * 230) * (1 - dt.imbalance / 2), 1) AS ic
        FROM area a JOIN demo_transformers dt USING (transformer_code)
        """;

    /// <summary>Shapes, days, and per-meter and per-transformer parameters, as CTEs the queries above share.</summary>
    private static string Common(int seed, DateOnly first, int days)
    {
        var s = seed.ToString(CultureInfo.InvariantCulture);
        var start = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $$"""
            WITH demo_shapes AS (
                SELECT category, weekday, slot, v / sum(v) OVER (PARTITION BY category, weekday) AS share,
                       v / max(v) OVER (PARTITION BY category, weekday) AS of_peak
                FROM (SELECT c.category, w.weekday, sl.slot,
                             CASE c.category
                                 WHEN 'residential' THEN 0.30 + 0.45 * exp(-pow((sl.slot + 0.5) / 4.0 - 7.5, 2) / 2) + exp(-pow((sl.slot + 0.5) / 4.0 - 20, 2) / 4.5)
                                                       + CASE WHEN w.weekday >= 5 THEN 0.25 * exp(-pow((sl.slot + 0.5) / 4.0 - 13, 2) / 10) ELSE 0 END
                                 WHEN 'commercial' THEN (0.18 + 1 / (1 + exp(-((sl.slot + 0.5) / 4.0 - 8.5) * 2)) / (1 + exp(((sl.slot + 0.5) / 4.0 - 21.5) * 2)))
                                                       * CASE WHEN w.weekday >= 5 THEN 0.75 ELSE 1 END
                                 WHEN 'industrial' THEN (0.5 + 0.5 / (1 + exp(-((sl.slot + 0.5) / 4.0 - 7) * 3)) / (1 + exp(((sl.slot + 0.5) / 4.0 - 23) * 3)))
                                                       * CASE WHEN w.weekday = 6 THEN 0.6 ELSE 1 END
                                 ELSE 0.08 + exp(-pow((sl.slot + 0.5) / 4.0 - 13, 2) / 8)
                             END AS v
                      FROM (VALUES ('residential'), ('commercial'), ('industrial'), ('agricultural')) c(category),
                           range(7) w(weekday), range(96) sl(slot))),
            demo_days AS (
                SELECT i, day, day::TIMESTAMP - INTERVAL 8 HOUR AS day_start, isodow(day) - 1 AS weekday,
                       0.4 + 0.6 * (hash(i, {{s}}, 'sun') % 1000) / 1000.0 AS sun
                FROM (SELECT r.i, DATE '{{start}}' + r.i::INTEGER AS day FROM range({{days}}) r(i))),
            demo_meters AS (
                SELECT meter_no, transformer_code, category, has_generation, phases, u1, u2,
                       CASE category WHEN 'residential' THEN greatest(kva, 2) * (0.6 + u1)
                                     WHEN 'commercial' THEN greatest(kva, 5) * (2 + 3 * u1)
                                     WHEN 'industrial' THEN greatest(kva, 20) * (5 + 6 * u1)
                                     ELSE greatest(kva, 5) * (1 + 2 * u1) END AS daily_kwh,
                       CASE WHEN h % 1000 < 3 THEN 'drop' WHEN h % 1000 < 6 THEN 'zero' WHEN h % 1000 < 8 THEN 'reverse' END AS anomaly,
                       8 * u2 AS extra_v, 3 + 4 * u2 AS pv_kw
                FROM (SELECT meter_no, transformer_code, coalesce(category, 'residential') AS category, has_generation, phases,
                             coalesce(contracted_kva, 8) AS kva, hash(meter_no, {{s}}) AS h,
                             ((hash(meter_no, {{s}}) >> 8) % 10000) / 10000.0 AS u1, ((hash(meter_no, {{s}}) >> 24) % 10000) / 10000.0 AS u2
                      FROM meter_directory)),
            peak AS (SELECT category, max(share) AS peak_share FROM demo_shapes WHERE weekday = 2 GROUP BY category),
            demo_transformers AS (
                SELECT transformer_code, rated_kva, target_rate, drop_v, loss_rate, imbalance, outage_day, outage_slot, outage_slots, other_factor,
                       least(greatest((target_rate * rated_kva * 0.9 - other_factor * other_peak_kw) / nullif(home_peak_kw, 0), 0.2), 6) AS home_factor
                FROM (SELECT *, least(target_rate * rated_kva * 0.9 / nullif(home_peak_kw + other_peak_kw, 0), 2) AS other_factor FROM (SELECT t.transformer_code, t.rated_kva, t.h, t.u,
                             CASE WHEN {{DemoTransformerStresses.Hot("t.h")}} THEN 1.15 + 0.3 * t.u ELSE 0.3 + 0.45 * t.u END AS target_rate,
                             CASE WHEN {{DemoTransformerStresses.LowVoltage("t.h")}} THEN 45 + 15 * t.u WHEN {{DemoTransformerStresses.Hot("t.h")}} THEN 20 + 10 * t.u ELSE 6 + 6 * t.u END AS drop_v,
                             CASE WHEN (t.h >> 32) % 100 < 4 THEN 0.12 + 0.1 * t.u ELSE 0.03 + 0.03 * t.u END AS loss_rate,
                             CASE WHEN (t.h >> 40) % 100 < 10 THEN 0.25 + 0.2 * t.u ELSE 0.03 + 0.07 * t.u END AS imbalance,
                             CASE WHEN (t.h >> 48) % 100 < 3 THEN ((t.h >> 20) % {{days}})::INTEGER ELSE -1 END AS outage_day,
                             (36 + (t.h >> 4) % 40)::INTEGER AS outage_slot, (12 + (t.h >> 12) % 12)::INTEGER AS outage_slots,
                             sum(CASE WHEN dm.category = 'residential' THEN dm.daily_kwh * p.peak_share * 4 ELSE 0 END) AS home_peak_kw,
                             sum(CASE WHEN dm.category = 'residential' THEN 0 ELSE dm.daily_kwh * p.peak_share * 4 END) AS other_peak_kw
                      FROM (SELECT transformer_code, rated_kva, hash(transformer_code, {{s}}) AS h, ((hash(transformer_code, {{s}}) >> 28) % 1000) / 1000.0 AS u
                            FROM transformer_directory) t
                      JOIN demo_meters dm USING (transformer_code)
                      JOIN peak p ON p.category = dm.category
                      GROUP BY ALL)))

            """;
    }
}
