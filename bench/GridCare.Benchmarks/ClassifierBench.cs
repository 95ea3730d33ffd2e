using System.Diagnostics;
using System.Globalization;
using GridCare.Analytics.Classification;
using nietras.SeparatedValues;

namespace GridCare.Benchmarks;

/// <summary>
/// The classifier harness of bench/classifier/run.sh (not BenchmarkDotNet: whole jobs, timed once):
/// <c>split</c> writes the held-out split the product uses, <c>evaluate</c> trains on one file and scores another
/// plus single-threaded throughput, <c>scale</c> trains on 10,000 real Chinese reviews (waimai_10k,
/// online_shopping_10_cats) for training time and throughput on other people's text.
/// </summary>
internal static class ClassifierBench
{
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["split", var corpus, var folder]:
                var (rows, errors) = Read(corpus);
                if (errors.Count > 0)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine, errors));
                    return 1;
                }

                var (train, test) = TrainingSplit.Stratified(rows);
                Directory.CreateDirectory(folder);
                Write(Path.Combine(folder, "train.tsv"), train);
                Write(Path.Combine(folder, "test.tsv"), test);
                Console.WriteLine($"split: {train.Count} train, {test.Count} test");
                return 0;
            case ["evaluate", var trainFile, var testFile]:
                return Evaluate(Read(trainFile).Rows, Read(testFile).Rows);
            case ["scale", var csv, var kind]:
                return Scale(csv, kind);
            default:
                Console.Error.WriteLine("classifier split <corpus.tsv> <folder> | evaluate <train.tsv> <test.tsv> | scale <csv> waimai|shopping");
                return 2;
        }
    }

    private static int Evaluate(List<LabelledText> train, List<LabelledText> test)
    {
        ChineseTokenizer.Warm();
        foreach (var algorithm in Enum.GetValues<ClassifierAlgorithm>())
        {
            var watch = Stopwatch.StartNew();
            var model = ClassifierTrainer.Train(train, "bench", algorithm);
            var seconds = watch.Elapsed.TotalSeconds;
            var evaluation = ClassifierEvaluation.Run(model, test);
            Console.WriteLine(Invariant($"gridcare {algorithm}: label macro-F1 {evaluation.Label.MacroF1:F4}, type macro-F1 {evaluation.Type.MacroF1:F4}, type accuracy {evaluation.Type.Accuracy:F4}, complaint-class macro-F1 {evaluation.ComplaintClass.MacroF1:F4}, trained on {train.Count} in {seconds:F2} s, {Throughput(model, test.Select(t => t.Text).ToList()):F0} texts/s"));
        }

        return 0;
    }

    private static int Scale(string csv, string kind)
    {
        var rows = new List<LabelledText>();
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(csv))
        {
            foreach (var row in reader)
            {
                var category = kind == "shopping" ? row["cat"].ToString() : row["label"].ToString();
                if (!categories.TryGetValue(category, out var index))
                {
                    index = categories[category] = categories.Count;
                }

                var label = ClassLabel.All[index % ClassLabel.All.Count];
                rows.Add(new LabelledText(row["review"].ToString(), label.Type, label.ComplaintClass));
            }
        }

        // A fixed, spread-out sample of 10,000 (every n-th row), so all categories of the sorted file are in it.
        var step = Math.Max(1, rows.Count / 10_000);
        var sample = rows.Where((_, i) => i % step == 0).Take(10_000).ToList();
        ChineseTokenizer.Warm();
        var watch = Stopwatch.StartNew();
        var model = ClassifierTrainer.Train(sample, "scale");
        var seconds = watch.Elapsed.TotalSeconds;
        var length = sample.Average(r => r.Text.Length);
        Console.WriteLine(Invariant($"{Path.GetFileName(csv)}: trained on {sample.Count} texts ({categories.Count} classes, mean {length:F0} characters) in {seconds:F2} s; {Throughput(model, sample.Select(s => s.Text).ToList()):F0} texts/s"));
        return 0;
    }

    /// <summary>Texts classified per second on one thread, over at least 20,000 classifications after a warm-up pass.</summary>
    private static double Throughput(TextClassifier model, List<string> texts)
    {
        foreach (var text in texts.Take(200))
        {
            model.Classify(text, 0.6);
        }

        var count = 0;
        var watch = Stopwatch.StartNew();
        while (count < 20_000)
        {
            foreach (var text in texts)
            {
                model.Classify(text, 0.6);
                count++;
            }
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static (List<LabelledText> Rows, List<string> Errors) Read(string path)
    {
        using var reader = new StreamReader(path);
        return CorpusFile.Read(reader, Path.GetFileName(path));
    }

    private static void Write(string path, List<LabelledText> rows)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("text\ttype\tcomplaint_class");
        foreach (var row in rows)
        {
            writer.WriteLine($"{TsvTable.Clean(row.Text)}\t{Camel(row.Type)}\t{(row.ComplaintClass is { } c ? Camel(c) : string.Empty)}");
        }
    }

    private static string Camel<T>(T value)
        where T : struct, Enum => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
