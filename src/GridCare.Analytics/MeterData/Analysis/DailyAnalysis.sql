-- The daily analysis of one China day [$from, $to), run step by step inside one transaction by DailyAnalysis.
-- Designed for speed: each meter's day comes from the day index the import wrote (meter_days), so the day's
-- readings are never read in full; the passes over them touch only what they need (single-column filters for voltage
-- and zero runs, the meters under transformers whose terminal left gaps), and everything else comes from those
-- aggregates and the terminals' readings (≈ 1 % of the rows). $parameters are replaced by literals of the settings (numbers, dates), never by user text.
-- Analyses use readings flagged valid or estimated; 'negative' (reverse flow without generation on record) counts
-- only towards the reverse-flow anomaly. Voltages: a reading whose reported voltages are all below $loss_v is a
-- supply loss (outage evidence), kept out of voltage compliance, which GB/T 12325 measures while supplied.
-- Voltage time is the interval time of the readings that carried a voltage: with voltage sampled on the hour the
-- compliance share is unchanged, and minutes are sampled minutes.

-- step: clear
DELETE FROM transformer_intervals WHERE day = $day;
DELETE FROM meter_analysis_days WHERE day = $day;
DELETE FROM transformer_days WHERE day = $day;
DELETE FROM load_episodes WHERE day = $day;
DELETE FROM meter_anomalies WHERE day = $day;

-- step: meter-sums
-- Each meter's day from the day index (meter_days: the import's per-meter-day sums of the valid readings), not from
-- its readings: the one full pass over the day's readings happened at import.
CREATE OR REPLACE TEMP TABLE day_meter_sums AS
SELECT meter_no, sum(valid_import_kwh) AS import_kwh, sum(valid_export_kwh) AS export_kwh, max(valid_peak_kw) AS peak_kw,
       sum(valid_minutes) AS minutes
FROM meter_days
WHERE day = $day AND valid_minutes > 0
GROUP BY meter_no;

-- step: voltage
-- Voltage comes from phase_readings (the meters that report it, often only on the hour). Time measured per meter:
-- one pass over the day's phase rows; time outside the limits: only the rows with a phase outside the tighter of
-- the single- and three-phase limits (or lost), found by single-column filters the scan evaluates before reading
-- other columns, and classified one by one with the meter's own limits.
CREATE OR REPLACE TEMP TABLE day_voltage_time AS
SELECT meter_no, sum(interval_minutes) AS minutes
FROM phase_readings
WHERE interval_start >= $from AND interval_start < $to AND coalesce(voltage_a, voltage_b, voltage_c) IS NOT NULL
GROUP BY meter_no;

CREATE OR REPLACE TEMP TABLE day_voltage AS
WITH outside AS (
    SELECT DISTINCT meter_no, interval_start, interval_minutes, voltage_a, voltage_b, voltage_c FROM (
        SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_a < $low_max
        UNION ALL SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_a > $high_min
        UNION ALL SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_b < $low_max
        UNION ALL SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_b > $high_min
        UNION ALL SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_c < $low_max
        UNION ALL SELECT * FROM phase_readings WHERE interval_start >= $from AND interval_start < $to AND voltage_c > $high_min
    )
),
r AS (
    SELECT o.meter_no, o.interval_start, o.interval_minutes AS m,
           least(o.voltage_a, o.voltage_b, o.voltage_c) AS vmin, greatest(o.voltage_a, o.voltage_b, o.voltage_c) AS vmax,
           CASE WHEN d.phases = 3 THEN $three_low ELSE $single_low END AS low_v,
           CASE WHEN d.phases = 3 THEN $three_high ELSE $single_high END AS high_v
    FROM outside o JOIN meter_directory d ON d.meter_no = o.meter_no
)
SELECT meter_no,
       coalesce(sum(m) FILTER (WHERE vmax >= $loss_v AND (vmin < low_v OR vmax > high_v)), 0) AS outside_minutes,
       coalesce(sum(m) FILTER (WHERE vmax >= $loss_v AND vmin < low_v), 0) AS low_minutes,
       coalesce(sum(m) FILTER (WHERE vmax >= $loss_v AND vmax > high_v), 0) AS high_minutes,
       min(vmin) FILTER (WHERE vmax >= $loss_v AND (vmin < low_v OR vmax > high_v)) AS voltage_min,
       max(vmax) FILTER (WHERE vmax >= $loss_v AND (vmin < low_v OR vmax > high_v)) AS voltage_max,
       coalesce(sum(m) FILTER (WHERE vmax < $loss_v), 0) AS zero_voltage_minutes,
       list(interval_start) FILTER (WHERE vmax < $loss_v) AS lost_at
FROM r
GROUP BY meter_no;

-- step: reverse-and-zero
-- Readings the ingest flagged 'negative' (reverse flow without generation on record) are few; so are zero readings.
CREATE OR REPLACE TEMP TABLE day_reverse AS
SELECT meter_no, sum(-kwh) AS export_kwh
FROM readings
WHERE interval_start >= $from AND interval_start < $to AND quality = 'negative' AND kwh < 0
GROUP BY meter_no;

-- Runs of zero energy while supplied (intervals whose voltage read as lost do not count): gaps and islands over
-- the zero readings only.
CREATE OR REPLACE TEMP TABLE day_zero_runs AS
SELECT meter_no, max(run_minutes)::INTEGER AS longest_zero_minutes
FROM (
    SELECT meter_no, sum(m) AS run_minutes
    FROM (
        SELECT z.meter_no, z.interval_minutes AS m,
               epoch(z.interval_start) / 60 - (sum(z.interval_minutes) OVER (PARTITION BY z.meter_no ORDER BY z.interval_start ROWS UNBOUNDED PRECEDING) - z.interval_minutes) AS island
        FROM readings z
        LEFT JOIN (SELECT meter_no, unnest(lost_at) AS interval_start FROM day_voltage) l ON l.meter_no = z.meter_no AND l.interval_start = z.interval_start
        WHERE z.interval_start >= $from AND z.interval_start < $to AND z.kwh = 0 AND z.quality IN ('valid', 'estimated') AND l.meter_no IS NULL
    )
    GROUP BY meter_no, island
)
GROUP BY meter_no;

-- step: meter-days
INSERT INTO meter_analysis_days
WITH s AS (
    SELECT coalesce(s.meter_no, n.meter_no) AS meter_no,
           coalesce(s.import_kwh, 0) AS import_kwh,
           coalesce(s.export_kwh, 0) + coalesce(n.export_kwh, 0) AS export_kwh,
           s.peak_kw, coalesce(s.minutes, 0) AS minutes
    FROM day_meter_sums s FULL JOIN day_reverse n ON n.meter_no = s.meter_no
)
SELECT $day, s.meter_no, d.customer_id, d.transformer_code, d.has_generation, s.import_kwh, s.export_kwh, s.peak_kw,
       s.minutes::INTEGER,
       CASE WHEN s.peak_kw > 0 AND s.minutes > 0 THEN (s.import_kwh * 60.0 / s.minutes) / s.peak_kw END,
       (coalesce(t.minutes, 0) - coalesce(v.zero_voltage_minutes, 0))::INTEGER,
       (coalesce(t.minutes, 0) - coalesce(v.zero_voltage_minutes, 0) - coalesce(v.outside_minutes, 0))::INTEGER,
       coalesce(v.low_minutes, 0)::INTEGER, coalesce(v.high_minutes, 0)::INTEGER,
       v.voltage_min, v.voltage_max, coalesce(v.zero_voltage_minutes, 0)::INTEGER, coalesce(z.longest_zero_minutes, 0)
FROM s
JOIN meter_directory d ON d.meter_no = s.meter_no
LEFT JOIN day_voltage_time t ON t.meter_no = s.meter_no
LEFT JOIN day_voltage v ON v.meter_no = s.meter_no
LEFT JOIN day_zero_runs z ON z.meter_no = s.meter_no;

-- step: terminal
-- The terminal's own readings per 15-minute slot: a slot's power is the energy read in it × 4, so a 30-minute
-- reading covers two slots at its own power and three 5-minute readings add up to one slot's.
-- Apparent power from the per-phase V·I when the terminal sent all three pairs, else |P| / power factor.
CREATE OR REPLACE TEMP TABLE day_terminal AS
WITH t AS (
    SELECT transformer_code, interval_start, interval_minutes AS m, kwh * 60.0 / greatest(interval_minutes, 15) AS kw,
           (voltage_a * current_a + voltage_b * current_b + voltage_c * current_c) / 1000.0 AS vi_kva,
           CASE WHEN greatest(current_a, current_b, current_c) > 0 AND current_a IS NOT NULL AND current_b IS NOT NULL AND current_c IS NOT NULL
                THEN (greatest(current_a, current_b, current_c) - least(current_a, current_b, current_c)) / greatest(current_a, current_b, current_c) END AS imbalance,
           least(voltage_a, voltage_b, voltage_c) AS vmin, greatest(voltage_a, voltage_b, voltage_c) AS vmax
    FROM terminal_readings
    WHERE interval_start >= $from AND interval_start < $to AND quality IN ('valid', 'estimated') AND kwh IS NOT NULL
)
SELECT transformer_code, time_bucket(INTERVAL 15 MINUTE, interval_start) + to_minutes(o::BIGINT) AS slot_start,
       sum(kw) AS kw, sum(coalesce(vi_kva, abs(kw) / $pf)) AS kva, max(imbalance) AS imbalance, min(vmin) AS vmin, max(vmax) AS vmax
FROM (SELECT *, unnest(range(0, m, 15)) AS o FROM t)
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE day_terminal_energy AS
SELECT transformer_code, sum(greatest(kwh, 0)) AS import_kwh, sum(greatest(-kwh, 0)) AS export_kwh, sum(interval_minutes) AS minutes
FROM terminal_readings
WHERE interval_start >= $from AND interval_start < $to AND quality IN ('valid', 'estimated') AND kwh IS NOT NULL
GROUP BY transformer_code;

-- step: meter-slots
-- The meters' sum per slot, only under transformers whose terminal left a slot of the day without a reading (or
-- that have no terminal): the one pass over the readings, as small as the terminals allow. The sums are grouped on a
-- dense number for the transformer, not its code (hashing millions of strings cost more than joining the codes back
-- to the sums), and energy is summed before it becomes power, once per group.
CREATE OR REPLACE TEMP TABLE day_meter_slots AS
WITH need AS (
    SELECT d.meter_no, d.transformer_code, dense_rank() OVER (ORDER BY d.transformer_code)::INTEGER AS t
    FROM meter_directory d
    WHERE d.transformer_code NOT IN (SELECT transformer_code FROM day_terminal GROUP BY transformer_code HAVING count(*) >= $slots)
),
sums AS (
    SELECT n.t, r.interval_start, r.interval_minutes AS m, sum(r.kwh) AS kwh, count(*) AS reporting
    FROM readings r JOIN need n ON n.meter_no = r.meter_no
    WHERE r.interval_start >= $from AND r.interval_start < $to AND r.quality IN ('valid', 'estimated')
    GROUP BY ALL
)
SELECT c.transformer_code, s.interval_start, s.m, s.kwh * 60.0 / greatest(s.m, 15) AS kw, s.reporting * least(s.m, 15) / 15.0 AS reporting
FROM sums s JOIN (SELECT DISTINCT t, transformer_code FROM need) c ON c.t = s.t;

-- step: transformer-intervals
-- As for the terminals, a slot's power is its energy × 4; a meter read every 5 minutes counts as one reporting meter.
INSERT INTO transformer_intervals
WITH meter_slots AS (
    SELECT transformer_code, time_bucket(INTERVAL 15 MINUTE, interval_start) + to_minutes(o::BIGINT) AS slot_start,
           sum(kw) AS kw, round(sum(reporting)) AS reporting
    FROM (SELECT *, unnest(range(0, m, 15)) AS o FROM day_meter_slots)
    GROUP BY ALL
),
expected AS (SELECT transformer_code, count(*) AS meters FROM meter_directory GROUP BY transformer_code),
grid AS (
    SELECT t.transformer_code, t.rated_kva, s.slot_start
    FROM transformer_directory t, (SELECT unnest(range($from, $to, INTERVAL 15 MINUTE)) AS slot_start) s
)
SELECT $day, g.transformer_code, g.slot_start,
       CASE WHEN tt.kw IS NOT NULL THEN 'terminal' WHEN ms.reporting > 0 THEN 'meters' ELSE 'none' END AS source,
       coalesce(tt.kw, ms.kw) AS kw,
       coalesce(tt.kva, abs(ms.kw) / $pf) AS kva,
       coalesce(tt.kva, abs(ms.kw) / $pf) / g.rated_kva AS load_rate,
       tt.imbalance, tt.vmin, tt.vmax, ms.kw, ms.reporting::INTEGER, coalesce(e.meters, 0)::INTEGER
FROM grid g
LEFT JOIN day_terminal tt ON tt.transformer_code = g.transformer_code AND tt.slot_start = g.slot_start
LEFT JOIN meter_slots ms ON ms.transformer_code = g.transformer_code AND ms.slot_start = g.slot_start
LEFT JOIN expected e ON e.transformer_code = g.transformer_code;

-- step: transformer-days
INSERT INTO transformer_days
WITH load AS (
    SELECT transformer_code,
           count(*) FILTER (WHERE source = 'terminal') AS terminal_slots,
           count(*) FILTER (WHERE source = 'meters') AS meter_slots,
           max(kva) AS peak_kva, max(load_rate) AS peak_load_rate, arg_max(slot_start, load_rate) AS peak_at,
           avg(load_rate) AS average_load_rate,
           15 * count(*) FILTER (WHERE load_rate > $heavy) AS heavy_minutes,
           15 * count(*) FILTER (WHERE load_rate > $overload) AS overload_minutes,
           max(imbalance) AS max_imbalance,
           15 * count(*) FILTER (WHERE imbalance > $imbalance) AS imbalance_minutes,
           max(meters_expected) AS meters_expected
    FROM transformer_intervals WHERE day = $day
    GROUP BY transformer_code
),
meters AS (
    SELECT transformer_code,
           count(*) FILTER (WHERE minutes_reported > 0) AS reporting,
           count(*) FILTER (WHERE voltage_minutes > 0) AS with_voltage,
           sum(voltage_minutes) AS voltage_minutes, sum(within_minutes) AS within_minutes,
           count(*) FILTER (WHERE low_minutes >= $pocket_minutes) AS low_meters,
           count(*) FILTER (WHERE high_minutes >= $pocket_minutes) AS high_meters,
           sum(import_kwh) AS import_kwh, sum(export_kwh) FILTER (WHERE has_generation) AS pv_export_kwh,
           sum(minutes_reported) AS minutes_reported
    FROM meter_analysis_days WHERE day = $day
    GROUP BY transformer_code
),
joined AS (
    SELECT t.*, l.* EXCLUDE (transformer_code), m.* EXCLUDE (transformer_code), te.import_kwh AS terminal_import, te.export_kwh AS terminal_export, te.minutes AS terminal_minutes,
           CASE WHEN te.transformer_code IS NOT NULL THEN te.import_kwh + coalesce(m.pv_export_kwh, 0) END AS supply,
           CASE WHEN te.transformer_code IS NOT NULL THEN coalesce(m.import_kwh, 0) + te.export_kwh END AS sales,
           coalesce(te.minutes, 0) / $day_minutes AS t_cov,
           CASE WHEN l.meters_expected > 0 THEN coalesce(m.minutes_reported, 0) / (l.meters_expected * $day_minutes) END AS m_cov
    FROM transformer_directory t
    JOIN load l ON l.transformer_code = t.transformer_code
    LEFT JOIN meters m ON m.transformer_code = t.transformer_code
    LEFT JOIN day_terminal_energy te ON te.transformer_code = t.transformer_code
)
SELECT $day, transformer_code, name, rated_kva, feeder_code, substation_code, org_unit_id, area_type,
       terminal_slots, meter_slots, peak_kva, peak_load_rate, CASE WHEN peak_load_rate IS NOT NULL THEN peak_at END, average_load_rate,
       heavy_minutes, overload_minutes, max_imbalance, imbalance_minutes,
       meters_expected, coalesce(reporting, 0), coalesce(voltage_minutes, 0), coalesce(within_minutes, 0),
       CASE WHEN voltage_minutes > 0 THEN within_minutes / voltage_minutes END,
       coalesce(low_meters, 0), coalesce(high_meters, 0),
       CASE WHEN low_meters > 0 AND low_meters >= $pocket_share * with_voltage THEN 'low'
            WHEN high_meters > 0 AND high_meters >= $pocket_share * with_voltage THEN 'high' END,
       supply, sales,
       CASE WHEN supply > 0 THEN (supply - sales) / supply END,
       t_cov, m_cov,
       CASE WHEN supply IS NULL THEN NULL
            WHEN t_cov < $min_coverage OR coalesce(m_cov, 0) < $min_coverage OR supply <= 0 THEN 'incomplete'
            WHEN supply - sales < 0 THEN 'negative'
            WHEN (supply - sales) / supply > $loss_threshold THEN 'high' END
FROM joined;

-- step: episodes
INSERT INTO load_episodes
SELECT $day, transformer_code, level, min(slot_start), max(slot_start) + INTERVAL 15 MINUTE, (15 * count(*))::INTEGER, max(load_rate), max(kva)
FROM (
    SELECT x.*, l.level, x.slot_start - to_minutes(15 * row_number() OVER (PARTITION BY x.transformer_code, l.level ORDER BY x.slot_start)) AS island
    FROM transformer_intervals x
    JOIN (VALUES ('heavy', $heavy), ('overload', $overload)) l(level, rate) ON x.load_rate > l.rate
    WHERE x.day = $day
)
GROUP BY transformer_code, level, island;

-- step: anomalies
INSERT INTO meter_anomalies
SELECT day, meter_no, customer_id, transformer_code, 'reverseFlow', export_kwh, NULL
FROM meter_analysis_days WHERE day = $day AND NOT has_generation AND export_kwh > $reverse_kwh
UNION ALL
SELECT day, meter_no, customer_id, transformer_code, 'longZero', longest_zero_minutes, NULL
FROM meter_analysis_days WHERE day = $day AND longest_zero_minutes >= $zero_minutes
UNION ALL
SELECT m.day, m.meter_no, m.customer_id, m.transformer_code, 'suddenDrop', m.import_kwh / b.baseline, b.baseline
FROM meter_analysis_days m
JOIN (
    SELECT meter_no, avg(import_kwh) AS baseline
    FROM meter_analysis_days
    WHERE day >= $day - $baseline_days AND day < $day AND minutes_reported >= $min_coverage * $day_minutes
    GROUP BY meter_no
    HAVING count(*) >= $baseline_min_days
) b ON b.meter_no = m.meter_no
WHERE m.day = $day AND m.minutes_reported >= $min_coverage * $day_minutes
  AND b.baseline >= $min_baseline_kwh AND m.import_kwh < $drop_share * b.baseline;

-- step: finish
DROP TABLE day_meter_sums;
DROP TABLE day_voltage;
DROP TABLE day_voltage_time;
DROP TABLE day_reverse;
DROP TABLE day_zero_runs;
DROP TABLE day_meter_slots;
DROP TABLE day_terminal;
DROP TABLE day_terminal_energy;
DELETE FROM analysis_queue WHERE day = $day AND queued_at <= $queued_at;
