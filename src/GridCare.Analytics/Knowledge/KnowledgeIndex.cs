namespace GridCare.Analytics.Knowledge;

/// <summary>
/// An in-memory full-text index of the knowledge base, built whole from the articles and replaced whole when one
/// changes (a few hundred articles take milliseconds; no locking while searching). Ranking is BM25 over one
/// weighted bag of terms per article — title terms count <see cref="TitleBoost"/> times, tags
/// <see cref="TagBoost"/> times, body once — multiplied by a usefulness factor from readers' votes, so that of two
/// equally relevant articles the one readers found helpful comes first, but votes never lift an irrelevant one.
/// </summary>
public sealed class KnowledgeIndex
{
    public const double TitleBoost = 3.0;
    public const double TagBoost = 2.0;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>How far votes move a score: at most ±<see cref="VoteInfluence"/>, with a prior of a few neutral votes.</summary>
    private const double VoteInfluence = 0.15;
    private const double VotePrior = 4;

    private readonly KnowledgeDocument[] documents;
    private readonly double[] lengths;
    private readonly double[] usefulness;
    private readonly Dictionary<string, (int Doc, double Weight)[]> postings;
    private readonly double averageLength;

    public KnowledgeIndex(IEnumerable<KnowledgeDocument> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        documents = [.. articles];
        lengths = new double[documents.Length];
        usefulness = new double[documents.Length];
        var lists = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Length; d++)
        {
            var document = documents[d];
            var terms = new Dictionary<string, double>(StringComparer.Ordinal);
            AddBoosted(document.Title, TitleBoost, terms);
            AddBoosted(document.Tags.Replace(',', ' ').Replace('，', ' '), TagBoost, terms);
            KnowledgeTokens.Add(document.Body, terms);
            foreach (var (term, weight) in terms)
            {
                if (!lists.TryGetValue(term, out var list))
                {
                    lists[term] = list = [];
                }

                list.Add((d, weight));
                lengths[d] += weight;
            }

            usefulness[d] = Usefulness(document.HelpfulVotes, document.UnhelpfulVotes);
        }

        postings = lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        averageLength = documents.Length == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    public int Count => documents.Length;

    public IReadOnlyList<KnowledgeDocument> Documents => documents;

    /// <summary>The best <paramref name="limit"/> articles for the query among the audiences allowed, best first.</summary>
    public IReadOnlyList<KnowledgeHit> Search(string? query, IReadOnlySet<KnowledgeAudience> audiences, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        var terms = KnowledgeTokens.Of(query);
        if (terms.Count == 0 || documents.Length == 0 || limit <= 0)
        {
            return [];
        }

        var scores = new double[documents.Length];
        foreach (var (term, queryWeight) in terms)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                continue;
            }

            var idf = Math.Log(1 + ((documents.Length - list.Length + 0.5) / (list.Length + 0.5)));
            foreach (var (doc, tf) in list)
            {
                var norm = K1 * (1 - B + (B * lengths[doc] / averageLength));
                scores[doc] += Math.Min(queryWeight, 2) * idf * (tf * (K1 + 1) / (tf + norm));
            }
        }

        var hits = new List<KnowledgeHit>();
        for (var d = 0; d < scores.Length; d++)
        {
            if (scores[d] > 0 && audiences.Contains(documents[d].Audience))
            {
                hits.Add(new KnowledgeHit(documents[d].Id, scores[d] * usefulness[d]));
            }
        }

        hits.Sort((x, y) => y.Score.CompareTo(x.Score) is var c && c != 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        return hits.Count > limit ? hits[..limit] : hits;
    }

    /// <summary>1 ± <see cref="VoteInfluence"/>: the share of helpful votes, pulled towards one half by a prior of neutral votes.</summary>
    public static double Usefulness(int helpful, int unhelpful)
    {
        var share = (helpful + (VotePrior / 2)) / (helpful + unhelpful + VotePrior);
        return 1 + (VoteInfluence * 2 * (share - 0.5));
    }

    private static void AddBoosted(string text, double boost, Dictionary<string, double> terms)
    {
        foreach (var (term, weight) in KnowledgeTokens.Of(text))
        {
            terms[term] = terms.GetValueOrDefault(term) + (weight * boost);
        }
    }
}
