using System.Globalization;
using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Demo;

/// <summary>The transformers <see cref="DemoReadings"/> makes run hot (loaded above rating at peak) or leaves with a low-voltage pocket.</summary>
public sealed record DemoTransformerStress(IReadOnlySet<string> Hot, IReadOnlySet<string> LowVoltage);

/// <summary>
/// Tells which demo transformers the reading generator stresses, before any reading exists: the demo work-order
/// history makes their customers complain more. The generator picks them with DuckDB's <c>hash</c>, so the same
/// conditions (<see cref="Hot"/>, <see cref="LowVoltage"/>, which <see cref="DemoReadings"/> uses for
/// <c>target_rate</c> and <c>drop_v</c>) run here in an in-memory DuckDB.
/// </summary>
public static class DemoTransformerStresses
{
    /// <summary>SQL: the transformer whose <c>hash(transformer_code, seed)</c> is <paramref name="h"/> runs hot (about 4 %).</summary>
    public static string Hot(string h) => $"{h} % 100 < 4";

    /// <summary>SQL: the transformer whose hash is <paramref name="h"/> has a low-voltage pocket (about 4 %, independent of hot).</summary>
    public static string LowVoltage(string h) => $"({h} >> 16) % 100 < 4";

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
            SELECT transformer_code, {Hot("h")} AS hot, {LowVoltage("h")} AS low_voltage
            FROM (SELECT transformer_code, hash(transformer_code, {s}) AS h FROM codes)
            WHERE {Hot("h")} OR {LowVoltage("h")}
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
