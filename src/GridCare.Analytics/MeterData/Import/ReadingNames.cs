namespace GridCare.Analytics.MeterData.Import;

/// <summary>The file's own names for the standard columns, after the request's mapping.</summary>
internal sealed class ReadingNames(ReadingImportRequest request)
{
    public string Device => Of(ReadingColumns.DeviceColumn(request.Target));

    public string IntervalStart => Of(ReadingColumns.IntervalStart);

    public string Kwh => Of(ReadingColumns.Kwh);

    public string Date => Of(ReadingColumns.Date);

    public string Of(string standard) => request.Columns.TryGetValue(standard, out var own) ? own : standard;

    public static void Require(string[] header, params string[] columns)
    {
        var missing = columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new ReadingImportException(
                missing.Select(m => new ReadingImportError(1, m, $"the header has no '{m}' column (it has: {string.Join(", ", header)}).")).ToList(),
                missing.Count);
        }
    }
}
