namespace GridCare.Analytics.MeterData.Import;

/// <summary>Quoting for the names and paths that go into generated SQL (file headers are user input).</summary>
internal static class Sql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
