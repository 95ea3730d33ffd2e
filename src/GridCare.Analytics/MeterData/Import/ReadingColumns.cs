namespace GridCare.Analytics.MeterData.Import;

/// <summary>The standard column names of the long and wide forms (README "Meter data").</summary>
public static class ReadingColumns
{
    public const string MeterNo = "meter_no";
    public const string TransformerCode = "transformer_code";
    public const string IntervalStart = "interval_start";
    public const string Kwh = "kwh";
    public const string Date = "date";

    /// <summary>The optional per-phase columns in their stored order, with the short names the SQL uses.</summary>
    public static readonly IReadOnlyList<(string Column, string Alias)> Phases =
    [
        ("voltage_a", "va"), ("voltage_b", "vb"), ("voltage_c", "vc"),
        ("current_a", "ia"), ("current_b", "ib"), ("current_c", "ic"),
    ];

    public static string DeviceColumn(ReadingTarget target) => target == ReadingTarget.Meters ? MeterNo : TransformerCode;
}
