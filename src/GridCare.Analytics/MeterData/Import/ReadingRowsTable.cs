using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Import;

/// <summary>
/// Rows received over the API go into a temporary table first, so they pass exactly the same SQL checks as a file.
/// API batches are small enough (thousands, not millions) for the row-by-row appender.
/// </summary>
internal static class ReadingRowsTable
{
    public static async Task FillAsync(DuckDBConnection connection, IReadOnlyList<ReadingRow> rows, CancellationToken cancellationToken)
    {
        await ReadingImporter.Execute(
            connection,
            "CREATE OR REPLACE TEMP TABLE incoming (line INTEGER, device VARCHAR, ts TIMESTAMP, minutes UTINYINT, kwh DOUBLE, "
            + "va DOUBLE, vb DOUBLE, vc DOUBLE, ia DOUBLE, ib DOUBLE, ic DOUBLE)",
            cancellationToken);
        using var appender = connection.CreateAppender("incoming");
        foreach (var row in rows)
        {
            appender.CreateRow()
                .AppendValue(row.Line).AppendValue(row.Device.Trim()).AppendValue(row.IntervalStart.UtcDateTime).AppendValue((byte)row.IntervalMinutes)
                .AppendValue(row.Kwh).AppendValue(row.VoltageA).AppendValue(row.VoltageB).AppendValue(row.VoltageC)
                .AppendValue(row.CurrentA).AppendValue(row.CurrentB).AppendValue(row.CurrentC)
                .EndRow();
        }
    }
}
