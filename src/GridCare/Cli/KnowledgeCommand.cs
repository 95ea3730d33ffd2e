using System.CommandLine;
using System.Diagnostics;
using GridCare.Analytics.Knowledge;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare knowledge evaluate</c>: the search engine on the labelled queries, without a database — MRR@5 and
/// recall@5 over the shipped articles (or an articles folder and queries file given), the queries it misses, and
/// the time per query.
/// </summary>
internal static class KnowledgeCommand
{
    public static Command Create()
    {
        var articles = new Option<DirectoryInfo?>("--articles") { Description = "folder of kNNN.zh-CN.md / kNNN.en.md articles (default: the shipped knowledge/articles)" };
        var queries = new Option<FileInfo?>("--queries") { Description = "labelled queries, query TAB ids (default: the shipped knowledge/queries.tsv)" };
        var evaluate = new Command("evaluate", "Rank the labelled queries and print MRR@5, recall@5 and the misses.") { articles, queries };
        evaluate.SetAction((parse, _) => Task.FromResult(Evaluate(parse.GetValue(articles), parse.GetValue(queries))));
        return new Command("knowledge", "The knowledge base's search engine.") { evaluate };
    }

    private static int Evaluate(DirectoryInfo? folder, FileInfo? file)
    {
        IReadOnlyList<SeedArticle> seed;
        IReadOnlyList<LabelledQuery> labelled;
        try
        {
            seed = folder is null
                ? ArticleFile.Shipped()
                : ArticleFile.Read(folder.GetFiles("*.md").Select(f => (f.Name, File.ReadAllText(f.FullName))));
            labelled = file is null ? ArticleFile.ShippedQueries() : LabelledQuery.Read(File.ReadAllText(file.FullName));
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        var index = new KnowledgeIndex(seed.Select(a => a.ToDocument()));
        var everyone = new HashSet<KnowledgeAudience>(Enum.GetValues<KnowledgeAudience>());
        _ = index.Search("停电", everyone); // loads jieba's dictionaries before timing
        var result = KnowledgeEvaluation.Run(index, labelled, everyone);
        var times = labelled.Select(q =>
        {
            var started = Stopwatch.GetTimestamp();
            _ = index.Search(q.Query, everyone, KnowledgeEvaluation.Cutoff);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }).Order().ToList();
        Console.WriteLine($"articles {index.Count}, queries {result.Queries}");
        Console.WriteLine($"MRR@5 {result.Mrr:F3}, recall@5 {result.Recall:F3}, missed {result.Misses.Count}");
        Console.WriteLine($"per query: mean {times.Average():F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, max {times[^1]:F2} ms");
        foreach (var miss in result.Misses)
        {
            Console.WriteLine($"  miss: {miss}");
        }

        return 0;
    }
}
