using System.Globalization;
using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Demo;

/// <summary>The transformers <see cref="DemoReadings"/> makes run hot (loaded above rating at peak) or leaves with a low-voltage pocket.</summary>
public sealed record DemoTransformerStress(IReadOnlySet<string> Hot, IReadOnlySet<string> LowVoltage);

/// <summary>
/// Tells which demo transformers the reading generator stresses, before any reading exists: the demo work-order
/// history makes their customers complain more. The generator picks them with DuckDB's <c>hash</c>, so the same
/// expressions run here in an in-memory DuckDB (the conditions of <c>target_rate</c> and <c>drop_v</c> in
/// <see cref="DemoReadings"/>; keep the two in step).
/// </summary>
public static class DemoTransformerStresses
{
    public static DemoTransformerStress Of(int seed, IEnumerable<string> transformerCodes)
    {
        ArgumentNullException.ThrowIfNull(transformerCodes);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE codes (transformer_code VARCHAR NOT NULL)";
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("codes"))
        {
            foreach (var code in transformerCodes)
            {
                appender.CreateRow().AppendValue(code).EndRow();
            }
        }

        var s = seed.ToString(CultureInfo.InvariantCulture);
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT transformer_code, h % 100 < 4 AS hot, (h >> 16) % 100 < 4 AS low_voltage
            FROM (SELECT transformer_code, hash(transformer_code, {s}) AS h FROM codes)
            WHERE h % 100 < 4 OR (h >> 16) % 100 < 4
            """;
        HashSet<string> hot = [];
        HashSet<string> lowVoltage = [];
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetBoolean(1))
            {
                hot.Add(reader.GetString(0));
            }

            if (reader.GetBoolean(2))
            {
                lowVoltage.Add(reader.GetString(0));
            }
        }

        return new DemoTransformerStress(hot, lowVoltage);
    }
}
