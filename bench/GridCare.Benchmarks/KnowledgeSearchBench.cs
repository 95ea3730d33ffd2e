using System.Diagnostics;
using GridCare.Analytics.Knowledge;

namespace GridCare.Benchmarks;

/// <summary>
/// The knowledge-search harness of bench/knowledge-search/run.sh (whole runs, timed with a stopwatch): the index and a
/// naive baseline — a substring scan like SQL <c>LIKE '%…%'</c>, scoring each article by how many of the query's
/// character bigrams its title and body contain — answer the labelled queries on the shipped articles and on the
/// articles copied up to a larger knowledge base, in the same run. Prints latency per query and MRR@5 / recall@5.
/// </summary>
internal static class KnowledgeSearchBench
{
    private static readonly HashSet<KnowledgeAudience> Everyone = [.. Enum.GetValues<KnowledgeAudience>()];

    public static int Run(string[] args)
    {
        var copies = args is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 30;
        var seed = ArticleFile.Shipped().Select(a => a.ToDocument()).ToList();
        var queries = ArticleFile.ShippedQueries();
        foreach (var size in new[] { 1, copies })
        {
            // Copies keep the original id for the first set; the others get a suffix, so quality is judged on the originals.
            var documents = Enumerable.Range(0, size).SelectMany(c => seed.Select(d => c == 0 ? d : d with { Id = $"{d.Id}-{c}" })).ToList();
            var started = Stopwatch.GetTimestamp();
            var index = new KnowledgeIndex(documents);
            var build = Stopwatch.GetElapsedTime(started);
            var baseline = new SubstringScan(documents);
            Report($"index     {documents.Count,5} articles (built in {build.TotalMilliseconds:F0} ms)", queries, q => index.Search(q, Everyone, KnowledgeEvaluation.Cutoff).Select(h => h.Id).ToList());
            Report($"substring {documents.Count,5} articles", queries, q => baseline.Search(q, KnowledgeEvaluation.Cutoff));
        }

        return 0;
    }

    private static void Report(string label, IReadOnlyList<LabelledQuery> queries, Func<string, List<string>> search)
    {
        _ = search("停电"); // warm-up: jieba's dictionaries, JIT
        var times = new List<double>();
        double mrr = 0, recall = 0;
        for (var round = 0; round < 5; round++)
        {
            foreach (var query in queries)
            {
                var started = Stopwatch.GetTimestamp();
                var hits = search(query.Query);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (round == 0)
                {
                    var first = hits.FindIndex(query.Relevant.Contains);
                    mrr += first < 0 ? 0 : 1.0 / (first + 1);
                    recall += (double)hits.Count(query.Relevant.Contains) / query.Relevant.Count;
                }
            }
        }

        times.Sort();
        Console.WriteLine($"{label}: mean {times.Average():F3} ms, p95 {times[(int)(times.Count * 0.95)]:F3} ms, max {times[^1]:F3} ms per query; "
            + $"MRR@5 {mrr / queries.Count:F3}, recall@5 {recall / queries.Count:F3}");
    }

    private sealed class SubstringScan(List<KnowledgeDocument> documents)
    {
        public List<string> Search(string query, int limit)
        {
            var grams = Enumerable.Range(0, Math.Max(0, query.Length - 1)).Select(i => query.Substring(i, 2)).Distinct().ToList();
            return [.. documents
                .Select(d => (d.Id, Score: grams.Count(g => d.Title.Contains(g, StringComparison.Ordinal)) * 3 + grams.Count(g => d.Body.Contains(g, StringComparison.Ordinal))))
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score)
                .Take(limit)
                .Select(s => s.Id)];
        }
    }
}
