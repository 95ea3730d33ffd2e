using System.Globalization;
using System.Numerics;
using nietras.SeparatedValues;

namespace GridCare.Platform.Imports;

/// <summary>One problem with an import, named by file, line and column so the user can fix the file.</summary>
public sealed record ImportError(string File, int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Column}: {Message}";
}

/// <summary>What an import did; when <see cref="Errors"/> is not empty it did nothing at all.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}

/// <summary>A data row of a CSV file with its physical line number (the header is line 1).</summary>
public sealed class CsvRecord(string file, int line, IReadOnlyDictionary<string, string> fields, List<ImportError> errors)
{
    public int Line { get; } = line;

    /// <summary>Whether the file's header has this column (optional columns change what a file means).</summary>
    public bool HasColumn(string column) => fields.ContainsKey(column);

    public string? Optional(string column) =>
        fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Error(column, "is required");
        }

        return value ?? string.Empty;
    }

    public TEnum? Choice<TEnum>(string column, bool required = true)
        where TEnum : struct, Enum
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalized = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(normalized, out _))
        {
            return value;
        }

        Error(column, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    public int? WholeNumber(string column, int min, int max, bool required) =>
        Parse(column, min, max, required, NumberStyles.Integer, "a whole number");

    public decimal? Number(string column, decimal min, decimal max, bool required) =>
        Parse(column, min, max, required, NumberStyles.Number, "a number");

    /// <summary>true/false, yes/no, 1/0 or 是/否; empty is false.</summary>
    public bool Flag(string column)
    {
        var text = Optional(column);
        switch (text?.ToLowerInvariant())
        {
            case null or "false" or "no" or "0" or "n" or "否":
                return false;
            case "true" or "yes" or "1" or "y" or "是":
                return true;
            default:
                Error(column, $"'{text}' is not true/false");
                return false;
        }
    }

    public void Error(string? column, string message) => errors.Add(new ImportError(file, Line, column, message));

    private T? Parse<T>(string column, T min, T max, bool required, NumberStyles styles, string what)
        where T : struct, INumber<T>
    {
        var text = required ? Required(column) : Optional(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(column, $"'{text}' is not {what} from {min} to {max}");
        return null;
    }
}

/// <summary>
/// Reads a UTF-8 CSV file (BOM or not, RFC 4180 quoting) into records for validation. Imports validate every row
/// first and write nothing unless all rows are valid, so a bad row never leaves half a file in the database.
/// </summary>
public static class CsvImport
{
    public static async Task<(IReadOnlyList<CsvRecord> Records, List<ImportError> Errors)> ReadAsync(
        Stream content, string fileName, IReadOnlyCollection<string> requiredColumns, IReadOnlyCollection<string> optionalColumns, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var records = new List<CsvRecord>();
        using var text = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = await Sep.New(',')
            .Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture })
            .FromAsync(text, cancellationToken);
        if (reader.Header.IsEmpty)
        {
            errors.Add(new ImportError(fileName, 1, null, "the file is empty: expected a header line with " + string.Join(",", requiredColumns)));
            return (records, errors);
        }

        var header = reader.Header.ColNames.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var missing in requiredColumns.Where(c => !header.Contains(c)))
        {
            errors.Add(new ImportError(fileName, 1, missing, "column is missing from the header"));
        }

        foreach (var unknown in header.Where(h => !requiredColumns.Contains(h) && !optionalColumns.Contains(h)))
        {
            errors.Add(new ImportError(fileName, 1, unknown, "unknown column; expected " + string.Join(", ", requiredColumns.Concat(optionalColumns))));
        }

        if (errors.Count > 0)
        {
            return (records, errors);
        }

        await foreach (var row in reader)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = row.LineNumberFrom;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < row.ColCount; i++)
            {
                fields[header[i]] = row[i].ToString();
            }

            if (fields.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.ColCount != header.Length)
            {
                errors.Add(new ImportError(fileName, line, null, $"has {row.ColCount} fields, the header has {header.Length}"));
                continue;
            }

            records.Add(new CsvRecord(fileName, line, fields, errors));
        }

        return (records, errors);
    }
}
