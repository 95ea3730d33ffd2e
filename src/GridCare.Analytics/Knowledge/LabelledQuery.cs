namespace GridCare.Analytics.Knowledge;

/// <summary>A customer's or agent's question as typed or spoken, and the articles that answer it.</summary>
public sealed record LabelledQuery(string Query, IReadOnlyList<string> Relevant)
{
    /// <summary><c>query TAB id id …</c> per line after a header line; # starts a comment line.</summary>
    public static IReadOnlyList<LabelledQuery> Read(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var queries = new List<LabelledQuery>();
        foreach (var line in tsv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Skip(1))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2)
            {
                throw new FormatException($"queries.tsv: '{line}' is not query TAB ids.");
            }

            queries.Add(new LabelledQuery(parts[0].Trim(), parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return queries;
    }
}

/// <summary>How well the index answers the labelled queries within the first five results.</summary>
/// <param name="Queries">How many labelled queries were asked.</param>
/// <param name="Mrr">Mean reciprocal rank of the first relevant article in the top five (0 when none is).</param>
/// <param name="Recall">Mean share of each query's relevant articles found in the top five.</param>
/// <param name="Misses">Queries with no relevant article in the top five.</param>
public sealed record KnowledgeEvaluation(int Queries, double Mrr, double Recall, IReadOnlyList<string> Misses)
{
    public const int Cutoff = 5;

    public static KnowledgeEvaluation Run(KnowledgeIndex index, IReadOnlyList<LabelledQuery> queries, IReadOnlySet<KnowledgeAudience> audiences)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        double mrr = 0, recall = 0;
        var misses = new List<string>();
        foreach (var query in queries)
        {
            var hits = index.Search(query.Query, audiences, Cutoff).Select(h => h.Id).ToList();
            var first = hits.FindIndex(query.Relevant.Contains);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            recall += (double)hits.Count(query.Relevant.Contains) / query.Relevant.Count;
            if (first < 0)
            {
                misses.Add(query.Query);
            }
        }

        var n = Math.Max(1, queries.Count);
        return new KnowledgeEvaluation(queries.Count, mrr / n, recall / n, misses);
    }
}
