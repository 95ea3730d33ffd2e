namespace GridCare.Analytics.MeterData.Import;

/// <summary>Whose readings a batch holds: customer meters, or transformer terminals (配变终端/TTU).</summary>
public enum ReadingTarget
{
    Meters,
    Terminals,
}

/// <summary>
/// How a file lays its readings out: one reading per row (long), one meter-day per row with 96 or 48 interval columns
/// (wide), or a Parquet file with the long form's columns.
/// </summary>
public enum ReadingFormat
{
    LongForm,
    WideForm,
    Parquet,
}

/// <summary>
/// One batch to import: a file, or rows received over the API. <see cref="Columns"/> maps the standard column names
/// (<c>meter_no</c> / <c>transformer_code</c>, <c>interval_start</c>, <c>kwh</c>, <c>date</c>, <c>voltage_a</c> …) to
/// the file's own, so exports from other systems import without editing; <see cref="UtcOffset"/> says where times
/// without an offset were taken; <see cref="Device"/> names the meter of a single-meter file without a meter column.
/// </summary>
public sealed record ReadingImportRequest
{
    public ReadingTarget Target { get; init; } = ReadingTarget.Meters;

    public string? Path { get; init; }

    public ReadingFormat? Format { get; init; }

    public IReadOnlyList<ReadingRow>? Rows { get; init; }

    /// <summary>
    /// A SQL relation over the store giving <c>device, ts, minutes, kwh</c> and optionally <c>va … ic</c>: readings
    /// generated inside DuckDB (the demo area, benchmarks). Trusted callers only; it is executed as written.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>The source named in the batch record (file name, API client).</summary>
    public string Source { get; init; } = "import";

    public int IntervalMinutes { get; init; } = 15;

    public TimeSpan? UtcOffset { get; init; }

    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    public string? Device { get; init; }

    public static ReadingImportRequest FromFile(string path, ReadingTarget target = ReadingTarget.Meters) =>
        new() { Path = path, Target = target, Source = System.IO.Path.GetFileName(path) };
}

/// <summary>One reading received over the API; <see cref="Line"/> is its position in the request, for errors.</summary>
public sealed record ReadingRow(
    int Line,
    string Device,
    DateTimeOffset IntervalStart,
    int IntervalMinutes,
    double? Kwh,
    double? VoltageA = null,
    double? VoltageB = null,
    double? VoltageC = null,
    double? CurrentA = null,
    double? CurrentB = null,
    double? CurrentC = null)
{
    public bool HasPhases => VoltageA is not null || VoltageB is not null || VoltageC is not null
        || CurrentA is not null || CurrentB is not null || CurrentC is not null;
}
