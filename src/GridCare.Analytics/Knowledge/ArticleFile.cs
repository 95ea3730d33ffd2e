using System.Globalization;

namespace GridCare.Analytics.Knowledge;

/// <summary>
/// One seed article as written under <c>knowledge/articles/</c>: <c>kNNN.zh-CN.md</c> with the front matter
/// (id, category, audience, tags in both languages, owner, review date, title) and the Chinese body, and
/// <c>kNNN.en.md</c> with the id, the English title and body.
/// </summary>
public sealed record SeedArticle(
    string Id,
    string Category,
    KnowledgeAudience Audience,
    string Tags,
    string Owner,
    DateOnly ReviewOn,
    string TitleZh,
    string BodyZh,
    string TitleEn,
    string BodyEn)
{
    public KnowledgeDocument ToDocument() => new(Id, TitleZh + "\n" + TitleEn, Tags, BodyZh + "\n" + BodyEn, Audience);
}

public static class ArticleFile
{
    /// <summary>The front matter's <c>key: value</c> lines and the Markdown after it.</summary>
    public static (Dictionary<string, string> Fields, string Body) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FormatException("An article starts with a front matter block between --- lines.");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException("The front matter is not closed by a --- line.");
        }

        foreach (var line in lines[1..end])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (fields, string.Join('\n', lines[(end + 1)..]).Trim());
    }

    /// <summary>Pairs each Chinese file with its English one; a missing English version or field is an error, not a gap.</summary>
    public static IReadOnlyList<SeedArticle> Read(IEnumerable<(string Name, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var english = new Dictionary<string, (Dictionary<string, string> Fields, string Body)>(StringComparer.Ordinal);
        var chinese = new List<(string Name, Dictionary<string, string> Fields, string Body)>();
        foreach (var (name, text) in files)
        {
            var (fields, body) = Parse(text);
            if (name.EndsWith(".en.md", StringComparison.Ordinal))
            {
                english[Required(fields, "id", name)] = (fields, body);
            }
            else if (name.EndsWith(".zh-CN.md", StringComparison.Ordinal))
            {
                chinese.Add((name, fields, body));
            }
        }

        var articles = new List<SeedArticle>();
        foreach (var (name, fields, body) in chinese.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var id = Required(fields, "id", name);
            if (!english.TryGetValue(id, out var en))
            {
                throw new FormatException($"{name}: no English version {id}.en.md.");
            }

            articles.Add(new SeedArticle(
                id,
                Required(fields, "category", name),
                Enum.Parse<KnowledgeAudience>(Required(fields, "audience", name), ignoreCase: true),
                Required(fields, "tags", name),
                Required(fields, "owner", name),
                DateOnly.ParseExact(Required(fields, "review", name), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Required(fields, "title", name),
                body,
                Required(en.Fields, "title", id + ".en.md"),
                en.Body));
        }

        return articles;
    }

    /// <summary>The seed articles shipped in this assembly (built from <c>knowledge/articles</c> at the repository root).</summary>
    public static IReadOnlyList<SeedArticle> Shipped()
    {
        var assembly = typeof(ArticleFile).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("knowledge/articles/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name, reader.ReadToEnd()));
        }

        return Read(files);
    }

    /// <summary>The shipped labelled queries (<c>knowledge/queries.tsv</c>).</summary>
    public static IReadOnlyList<LabelledQuery> ShippedQueries()
    {
        using var stream = typeof(ArticleFile).Assembly.GetManifestResourceStream("knowledge/queries.tsv")!;
        using var reader = new StreamReader(stream);
        return LabelledQuery.Read(reader.ReadToEnd());
    }

    private static string Required(Dictionary<string, string> fields, string key, string file) =>
        fields.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new FormatException($"{file}: front matter has no {key}.");
}
