using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>Reading typed values out of DuckDB rows by column name; instants come back as UTC.</summary>
internal static class AnalysisRows
{
    public static double? Double(this DbDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : Convert.ToDouble(row.GetValue(row.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? 0 : Convert.ToInt32(row.GetValue(row.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static long? Long(this DbDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : Convert.ToInt64(row.GetValue(row.GetOrdinal(column)), CultureInfo.InvariantCulture);

    public static string? Text(this DbDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetString(row.GetOrdinal(column));

    public static DateTime? Utc(this DbDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : DateTime.SpecifyKind((DateTime)row.GetValue(row.GetOrdinal(column)), DateTimeKind.Utc);

    public static DateOnly Date(this DbDataReader row, string column) => row.GetValue(row.GetOrdinal(column)) switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        var other => throw new InvalidCastException($"{column} is {other.GetType().Name}, not a date."),
    };

    /// <summary>An IN list of org unit ids (integers of the caller's scope, never request text).</summary>
    public static string Units(IReadOnlyCollection<int> orgUnitIds) =>
        orgUnitIds.Count == 0 ? "(NULL)" : "(" + string.Join(", ", orgUnitIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")";

    public static async Task<List<T>> ListAsync<T>(
        MeterStore store, string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
