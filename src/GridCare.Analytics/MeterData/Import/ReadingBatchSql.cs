using System.Globalization;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// The SQL of one batch. Every rule is written once, here: row-local checks run while the rows are inserted, the rest
/// on the batch's per-device-day summary (<c>batch_days</c>), which is a few hundred thousand rows however large the file.
/// </summary>
internal static class ReadingBatchSql
{
    /// <summary>The China day of a UTC instant.</summary>
    public static string DayOf(string instant) => $"CAST({instant} + INTERVAL 8 HOUR AS DATE)";

    /// <summary>The 15-minute slot of a UTC instant within its China day (0–95).</summary>
    public static string SlotOf(string instant) => $"((((epoch_us({instant}) // 1000000 + 28800) % 86400) + 86400) % 86400) // 900";

    public static string Limits(ReadingTable table, VeeSettings vee, DateOnly historySince) => $"""
        CREATE OR REPLACE TEMP TABLE import_limits AS
        SELECT coalesce(d.device, h.device) AS device, coalesce(d.generation, false) AS generation,
               CASE WHEN d.capacity > 0 THEN d.capacity * {N(vee.ImplausibleCapacityFactor)} END AS implausible_kw,
               CASE WHEN h.typical_kw > 0 THEN greatest({N(vee.SpikeFloorKw)}, {N(vee.SpikeFactor)} * h.typical_kw) END AS spike_kw
        FROM ({table.DirectorySql}) d
        FULL OUTER JOIN ({table.History(D(historySince))}) h ON h.device = d.device
        """;

    /// <summary>
    /// The lowest power at which any reading could be a spike or implausible: below it a reading is judged without
    /// looking its device up, which keeps the join to the directory off the bulk of the rows.
    /// </summary>
    public static string CandidateKw(ReadingTable table, VeeSettings vee) =>
        $"SELECT least({N(vee.SpikeFloorKw)}, {N(vee.ImplausibleKw)}, coalesce(min(capacity) FILTER (WHERE capacity > 0), 1e12) * {N(vee.ImplausibleCapacityFactor)}) FROM ({table.DirectorySql})";

    /// <summary>
    /// Inserts the batch with a provisional flag: negative, or above <paramref name="candidateKw"/> (checked later by
    /// <see cref="Reclassify"/> against the device's own limits), else valid.
    /// </summary>
    public static string Insert(ReadingTable table, ReadingSource source, double candidateKw, int batchNo)
    {
        var phases = table.PhasesInline
            ? ", " + string.Join(", ", ReadingColumns.Phases.Select(p => source.HasPhases ? "s." + p.Alias : "NULL"))
            : string.Empty;
        var phaseColumns = table.PhasesInline ? ", " + string.Join(", ", ReadingColumns.Phases.Select(p => p.Column)) : string.Empty;
        return $"""
            INSERT INTO {table.Readings} ({table.Key}, interval_start, interval_minutes, kwh{phaseColumns}, quality, batch_no)
            SELECT s.device, s.ts, s.minutes, s.kwh{phases},
                   CASE WHEN s.kwh < 0 THEN 'negative' WHEN s.kwh * 60.0 / s.minutes > {N(candidateKw)} THEN 'spike' ELSE 'valid' END::reading_quality,
                   {batchNo}
            FROM ({source.Select}) s
            WHERE s.kwh IS NOT NULL
            """;
    }

    /// <summary>The provisional flags settled against each device's capacity, generation on record and history.</summary>
    public static string Reclassify(ReadingTable table, VeeSettings vee, int batchNo) => $"""
        UPDATE {table.Readings} SET quality = c.settled
        FROM (SELECT r.rowid AS id,
                     CASE WHEN abs(r.kwh) * 60.0 / r.interval_minutes > coalesce(l.implausible_kw, {N(vee.ImplausibleKw)}) THEN 'implausible'
                          WHEN r.kwh < 0 AND NOT coalesce(l.generation, false) THEN 'negative'
                          WHEN r.kwh * 60.0 / r.interval_minutes > l.spike_kw THEN 'spike'
                          ELSE 'valid' END::reading_quality AS settled
              FROM {table.Readings} r LEFT JOIN import_limits l ON l.device = r.{table.Key}
              WHERE r.batch_no = {batchNo} AND r.quality <> 'valid') c
        WHERE {table.Readings}.rowid = c.id
        """;

    /// <summary>
    /// The clock rule: on the interval grid, not before <see cref="VeeSettings.Earliest"/>, not in the future — in
    /// integer microseconds of <paramref name="epochUs"/> (<c>epoch_us(interval_start)</c>), which at tens of millions
    /// of rows a batch is much cheaper than timestamp arithmetic.
    /// </summary>
    public static string ClockError(VeeSettings vee, DateTime now, string epochUs = "epoch_us(interval_start)") =>
        $"({epochUs} % (interval_minutes * {MicrosecondsPerMinute}) <> 0 OR {epochUs} < {EpochUs(vee.Earliest)} "
        + $"OR {epochUs} + interval_minutes * {MicrosecondsPerMinute} > {EpochUs(now + vee.FutureTolerance)})";

    /// <summary>
    /// A batch's rows as the day index counts them: the device, the China day as a day number since 1970-01-01
    /// (<c>day_number</c>) and the 15-minute slot within it, both from the instant's quarter-hour since 1970-01-01
    /// 00:00 China time (integer division, not a date cast per row), the energy and, for the valid_ sums, the energy
    /// of the readings the analyses use. <paramref name="extra"/> adds columns (such as <c>bad</c>).
    /// </summary>
    private static string DayRows(ReadingTable table, string where, string extra) => $"""
        SELECT device, quarter // 96 AS day_number, ((quarter % 96 + 96) % 96)::UBIGINT AS slot, kwh,
               CASE WHEN quality IN ('valid', 'estimated') THEN kwh END AS valid_kwh, interval_minutes, quality, batch_no{extra}
        FROM (SELECT {table.Key} AS device, epoch_us(interval_start) AS e, (epoch_us(interval_start) + 28800000000) // 900000000 AS quarter,
                     kwh, interval_minutes, quality, batch_no
              FROM {table.Readings} WHERE {where})
        """;

    private const string DayOfNumber = "(DATE '1970-01-01' + day_number::INTEGER)";

    public static string BatchDays(ReadingTable table, VeeSettings vee, DateTime now, int batchNo) => $"""
        CREATE OR REPLACE TEMP TABLE batch_days AS
        SELECT device, {DayOfNumber} AS day, {DayAggregates}, min(interval_minutes) AS minutes, count_if(bad) AS bad
        FROM ({DayRows(table, $"batch_no = {batchNo}", $", {ClockError(vee, now, "e")} OR device = '' AS bad")})
        GROUP BY device, day_number
        """;

    /// <summary>
    /// The day index (<c>meter_days</c> / <c>terminal_days</c>) recomputed from every stored reading, a row per
    /// device, day and batch exactly as the imports wrote it: the upgrade of a store whose index lacks columns, and
    /// stores filled without the importer.
    /// </summary>
    public static string RebuildDays(ReadingTable table) => $"""
        DELETE FROM {table.Days};
        INSERT INTO {table.Days} ({DayColumns(table)})
        SELECT {DayValues("batch_no")}
        FROM (SELECT device, {DayOfNumber} AS day, batch_no, {DayAggregates}
              FROM ({DayRows(table, "kwh IS NOT NULL", string.Empty)})
              GROUP BY device, day_number, batch_no)
        ORDER BY day, device
        """;

    /// <summary>
    /// What the day index holds of a device's day, over <see cref="DayRows"/>. The valid_ sums take only the
    /// readings the analyses use, so they must be computed once the batch's flags are final. They aggregate the one
    /// nullable valid_kwh rather than filter each aggregate: at 50 million rows a batch, four FILTER clauses cost
    /// twice as much.
    /// </summary>
    private const string DayAggregates = """
        count(*) AS n,
        bit_or(CASE WHEN slot < 64 THEN 1::UBIGINT << slot ELSE 0::UBIGINT END) AS lo,
        bit_or(CASE WHEN slot >= 64 THEN 1::UBIGINT << (slot - 64) ELSE 0::UBIGINT END) AS hi,
        sum(kwh) AS kwh, sum(interval_minutes) / 60.0 AS hours,
        coalesce((sum(abs(valid_kwh)) + sum(valid_kwh)) / 2, 0) AS valid_import_kwh,
        coalesce((sum(abs(valid_kwh)) - sum(valid_kwh)) / 2, 0) AS valid_export_kwh,
        max(valid_kwh * 60.0 / interval_minutes) AS valid_peak_kw,
        coalesce(sum(CASE WHEN valid_kwh IS NOT NULL THEN interval_minutes END), 0) AS valid_minutes
        """;

    private static string DayColumns(ReadingTable table) =>
        $"{table.Key}, day, slots_lo, slots_hi, readings, kwh, hours, batch_no, valid_import_kwh, valid_export_kwh, valid_peak_kw, valid_minutes";

    /// <summary>The values of <see cref="DayColumns"/> from a day summary's rows, with the batch number as given.</summary>
    private static string DayValues(string batchNo) =>
        $"device, day, lo, hi, n, kwh, hours, {batchNo}, valid_import_kwh, valid_export_kwh, valid_peak_kw, valid_minutes";

    /// <summary>How many of the batch's readings carry each flag other than valid: a filter on the one-byte flag, cheap at any size.</summary>
    public static string FlaggedCounts(ReadingTable table, int batchNo) =>
        $"SELECT quality::VARCHAR, count(*) FROM {table.Readings} WHERE batch_no = {batchNo} AND quality <> 'valid' GROUP BY quality";

    /// <summary>How many slots a (lo, hi) pair holds.</summary>
    public static string Count(string lo, string hi) => $"(bit_count({lo}) + bit_count({hi}))";

    public static string BadRows(ReadingTable table, VeeSettings vee, DateTime now, int batchNo) => $"""
        SELECT {table.Key}, interval_start,
               CASE WHEN {table.Key} = '' THEN 'device'
                    WHEN interval_start = TIMESTAMP '0001-01-01' THEN 'time'
                    WHEN epoch_us(interval_start) % (interval_minutes * {MicrosecondsPerMinute}) <> 0 THEN 'grid'
                    WHEN interval_start < {T(vee.Earliest)} THEN 'early'
                    ELSE 'future' END AS reason
        FROM {table.Readings} WHERE batch_no = {batchNo} AND ({ClockError(vee, now)} OR {table.Key} = '')
        LIMIT {vee.MaxErrors}
        """;

    /// <summary>Readings of this batch with the same device and interval: conflicting (values differ) or exact copies.</summary>
    public static string Duplicates(ReadingTable table, int batchNo) => $"""
        SELECT r.{table.Key}, r.interval_start, count(*) AS copies, count(DISTINCT r.kwh) AS distinct_values
        FROM {table.Readings} r {InDuplicateDays(table, "r")}
        WHERE r.batch_no = {batchNo}
        GROUP BY ALL HAVING count(*) > 1
        ORDER BY count(DISTINCT r.kwh) DESC
        """;

    public static string DeleteCopies(ReadingTable table, int batchNo) => $"""
        DELETE FROM {table.Readings} WHERE rowid IN (
            SELECT rowid FROM (
                SELECT r.rowid, row_number() OVER (PARTITION BY r.{table.Key}, r.interval_start ORDER BY r.rowid) AS copy
                FROM {table.Readings} r {InDuplicateDays(table, "r")}
                WHERE r.batch_no = {batchNo})
            WHERE copy > 1)
        """;

    private static string InDuplicateDays(ReadingTable table, string alias) =>
        $"JOIN (SELECT device, day FROM batch_days WHERE n > {Count("lo", "hi")}) g ON g.device = {alias}.{table.Key} "
        + $"AND g.day = {DayOf(alias + ".interval_start")}";

    public static string Overlap(ReadingTable table) => $"""
        CREATE OR REPLACE TEMP TABLE overlap AS
        SELECT b.device, b.day, b.lo & bit_or(d.slots_lo) AS lo, b.hi & bit_or(d.slots_hi) AS hi
        FROM batch_days b JOIN {table.Days} d ON d.{table.Key} = b.device AND d.day = b.day
        GROUP BY b.device, b.day, b.lo, b.hi
        HAVING (b.lo & bit_or(d.slots_lo)) <> 0 OR (b.hi & bit_or(d.slots_hi)) <> 0
        """;

    private static string InOverlap(string alias)
    {
        var slot = $"({SlotOf(alias + ".interval_start")})::UBIGINT";
        return $"o.device = {alias}.device_key AND o.day = {DayOf(alias + ".interval_start")} "
            + $"AND (CASE WHEN {slot} < 64 THEN (o.lo >> {slot}) ELSE (o.hi >> ({slot} - 64)) END & 1) = 1";
    }

    /// <summary>Overlapping readings whose value differs from the one an earlier batch stored.</summary>
    public static string Conflicts(ReadingTable table, int batchNo) => $"""
        SELECT count(*) FROM
            (SELECT {table.Key} AS device_key, interval_start, kwh FROM {table.Readings} WHERE batch_no = {batchNo}) n
        JOIN overlap o ON {InOverlap("n")}
        JOIN {table.Readings} e ON e.{table.Key} = n.device_key AND e.interval_start = n.interval_start AND e.batch_no <> {batchNo}
        WHERE e.kwh <> n.kwh
        """;

    public static string DeleteOverlap(ReadingTable table, int batchNo) => $"""
        DELETE FROM {table.Readings} WHERE rowid IN (
            SELECT n.rowid FROM (SELECT rowid, {table.Key} AS device_key, interval_start FROM {table.Readings} WHERE batch_no = {batchNo}) n
            JOIN overlap o ON {InOverlap("n")})
        """;

    public static string PhaseRows(ReadingSource source, int batchNo, bool clean) => $"""
        INSERT INTO phase_readings (meter_no, interval_start, interval_minutes, {string.Join(", ", ReadingColumns.Phases.Select(p => p.Column))}, batch_no)
        SELECT {(clean ? string.Empty : "DISTINCT ON (s.device, s.ts) ")}s.device, s.ts, s.minutes, {string.Join(", ", ReadingColumns.Phases.Select(p => "s." + p.Alias))}, {batchNo}
        FROM ({source.Select}) s
        {(clean ? string.Empty : $"SEMI JOIN (SELECT meter_no, interval_start FROM readings WHERE batch_no = {batchNo}) r ON r.meter_no = s.device AND r.interval_start = s.ts")}
        WHERE s.kwh IS NOT NULL AND ({string.Join(" OR ", ReadingColumns.Phases.Select(p => $"s.{p.Alias} IS NOT NULL"))})
        """;

    public static string PhaseErrors(ReadingSource source, VeeSettings vee) => $"""
        SELECT device, ts, {string.Join(" || ", ReadingColumns.Phases.Select(p => $"CASE WHEN {Outside(p, vee)} THEN '{p.Column} ' ELSE '' END"))} AS fields
        FROM ({source.Select}) s
        WHERE {string.Join(" OR ", ReadingColumns.Phases.Select(p => Outside(p, vee)))}
        LIMIT {vee.MaxErrors}
        """;

    /// <summary>The batch's rows of the day index, in day order so that reads of one day skip the other days' row groups.</summary>
    public static string Days(ReadingTable table, int batchNo) => $"""
        INSERT INTO {table.Days} ({DayColumns(table)})
        SELECT {DayValues(batchNo.ToString(CultureInfo.InvariantCulture))}
        FROM batch_days WHERE n > 0
        ORDER BY day, device
        """;

    public static string Queue(DateTime now) =>
        $"INSERT INTO analysis_queue SELECT DISTINCT day, {T(now)} FROM batch_days ON CONFLICT (day) DO UPDATE SET queued_at = excluded.queued_at";

    /// <summary>Device-days of this batch that are still short of a full day once earlier batches are counted.</summary>
    public static string Completeness(ReadingTable table) => $"""
        SELECT count(*), coalesce(sum(expected - {Count("lo", "hi")}), 0) FROM (
            SELECT b.device, b.day, 1440 // b.minutes AS expected, bit_or(d.slots_lo) AS lo, bit_or(d.slots_hi) AS hi
            FROM batch_days b JOIN {table.Days} d ON d.{table.Key} = b.device AND d.day = b.day
            GROUP BY b.device, b.day, b.minutes)
        WHERE {Count("lo", "hi")} < expected
        """;

    public static string UnknownDevices(ReadingTable table) =>
        $"SELECT count(DISTINCT device) FROM batch_days b WHERE NOT EXISTS (SELECT 1 FROM ({table.DirectorySql}) d WHERE d.device = b.device)";

    private static string Outside((string Column, string Alias) phase, VeeSettings vee) => phase.Column.StartsWith("voltage", StringComparison.Ordinal)
        ? $"(s.{phase.Alias} < 0 OR s.{phase.Alias} > {N(vee.MaxVoltage)})"
        : $"(s.{phase.Alias} < 0)";

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string D(DateOnly day) => $"DATE '{day:yyyy-MM-dd}'";

    private static string T(DateTime instant) => $"TIMESTAMP '{instant:yyyy-MM-dd HH:mm:ss.ffffff}'";

    private const string MicrosecondsPerMinute = "60000000::BIGINT";

    private static string EpochUs(DateTime instant) => ((instant.Ticks - DateTime.UnixEpoch.Ticks) / 10).ToString(CultureInfo.InvariantCulture);
}
