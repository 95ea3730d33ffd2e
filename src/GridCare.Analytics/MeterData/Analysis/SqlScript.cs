using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>
/// An embedded .sql file cut into named steps (<c>-- step: name</c>), each statement run as its own command with its
/// <c>$name</c> placeholders replaced by SQL literals. Literals rather than bound parameters because DuckDB plans a
/// prepared statement before it knows the values, and then cannot skip row groups by their min/max (zone maps) for
/// filters such as <c>quality = 'negative'</c> or <c>voltage_a &lt; 204.6</c> — which is what makes the rare-row passes
/// nearly free. The values are numbers, dates and times of the settings, never text from a request.
/// </summary>
internal sealed partial class SqlScript
{
    private readonly List<(string Name, string Sql)> steps = [];

    private SqlScript(string text)
    {
        string? name = null;
        var body = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("-- step:", StringComparison.Ordinal))
            {
                Add(name, body);
                name = line["-- step:".Length..].Trim();
                body.Clear();
            }
            else if (name is not null)
            {
                body.Append(line).Append('\n');
            }
        }

        Add(name, body);
    }

    public IReadOnlyList<string> StepNames => [.. steps.Select(s => s.Name)];

    public static SqlScript Embedded(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SqlScript(reader.ReadToEnd());
    }

    public async Task RunAsync(DuckDBConnection connection, string step, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var text = steps.Single(s => s.Name == step).Sql;
        foreach (var sql in text.Split(";\n").Where(s => s.Split('\n').Any(l => l.Trim() is { Length: > 0 } t && !t.StartsWith("--", StringComparison.Ordinal))))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ParameterName().Replace(sql, m => Literal(parameters[m.Groups[1].Value]));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal static string Literal(object? value) => value switch
    {
        DateOnly date => $"DATE '{date:yyyy-MM-dd}'",
        DateTime time => $"TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss.ffffff}'",
        double number when double.IsFinite(number) => $"{number.ToString("R", CultureInfo.InvariantCulture)}::DOUBLE",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"No SQL literal for {value?.GetType().Name ?? "null"}.", nameof(value)),
    };

    private void Add(string? name, System.Text.StringBuilder body)
    {
        if (name is not null)
        {
            steps.Add((name, body.ToString()));
        }
    }

    [GeneratedRegex(@"\$([a-z_]+)")]
    private static partial Regex ParameterName();
}
