using GridCare.Domain.WorkOrders;

namespace GridCare.Analytics.Classification;

/// <summary>
/// The labelled corpus format (<c>corpus/complaints.tsv</c>): UTF-8, tab-separated, a header naming at least
/// <c>text</c> and <c>type</c> and optionally <c>complaint_class</c>, labels in camelCase as in the API. A row with
/// an unknown label or a complaint without its class is an error naming the line; nothing is guessed.
/// </summary>
public static class CorpusFile
{
    public static (List<LabelledText> Rows, List<string> Errors) Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<LabelledText>();
        var errors = new List<string>();
        var table = TsvTable.Read(reader);
        var text = table.Column("text");
        var type = table.Column("type");
        var complaintClass = table.Column("complaint_class");
        if (text < 0 || type < 0)
        {
            errors.Add($"{name}:1: the header needs the columns text and type (and complaint_class for complaints).");
            return (rows, errors);
        }

        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var line = i + 2;
            var words = row.ElementAtOrDefault(text)?.Trim() ?? string.Empty;
            if (words.Length == 0)
            {
                errors.Add($"{name}:{line}: text is empty.");
                continue;
            }

            if (!TryParse<WorkOrderType>(row.ElementAtOrDefault(type), out var t))
            {
                errors.Add($"{name}:{line}: type '{row.ElementAtOrDefault(type)}' is not one of {Names<WorkOrderType>()}.");
                continue;
            }

            var classText = complaintClass >= 0 ? row.ElementAtOrDefault(complaintClass) : null;
            ComplaintClass? c = null;
            if (t == WorkOrderType.Complaint)
            {
                if (!TryParse<ComplaintClass>(classText, out var parsed))
                {
                    errors.Add($"{name}:{line}: a complaint needs complaint_class, one of {Names<ComplaintClass>()}.");
                    continue;
                }

                c = parsed;
            }
            else if (!string.IsNullOrWhiteSpace(classText))
            {
                errors.Add($"{name}:{line}: complaint_class is only for type complaint.");
                continue;
            }

            rows.Add(new LabelledText(words, t, c));
        }

        return (rows, errors);
    }

    private static bool TryParse<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value!.Trim()[0]);

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(ClassLabel.Camel));
}

/// <summary>A tab-separated table with a header line; fields are taken as they are (TSV has no quoting).</summary>
public sealed record TsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public int Column(string name) => Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    public static TsvTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').TrimEnd('\r').Split('\t') ?? [];
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            line = line.TrimEnd('\r');
            if (line.Length > 0)
            {
                rows.Add(line.Split('\t'));
            }
        }

        return new TsvTable(header, rows);
    }

    /// <summary>Tabs and line breaks inside a value would break the row; they become spaces.</summary>
    public static string Clean(string? value) => (value ?? string.Empty).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
