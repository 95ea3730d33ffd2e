using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary><c>gridcare classify</c> as a user runs it, on a SQLite data directory and the hand-written sample.</summary>
public sealed class ClassifyCommandLineTests : IDisposable
{
    private readonly GridCareProcess gridcare = new();

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task Train_ActivatesAModel_ThenRefusesAWorseOne_AndTheActiveOneStays()
    {
        Assert.Equal(0, (await gridcare.RunAsync("migrate")).ExitCode);
        var tiny = Path.Combine(gridcare.DataDirectory, "tiny.tsv");
        var lines = await File.ReadAllLinesAsync(ClassifierSample.Path, TestContext.Current.CancellationToken);
        var fewPerLabel = lines.Skip(1).GroupBy(l => string.Join('\t', l.Split('\t')[1..])).SelectMany(g => g.Take(3));
        await File.WriteAllLinesAsync(tiny, [lines[0], .. fewPerLabel], TestContext.Current.CancellationToken);

        var (first, firstOutput, _) = await gridcare.RunAsync("classify", "train", "--corpus", ClassifierSample.Path);
        var (worse, _, worseError) = await gridcare.RunAsync("classify", "train", "--corpus", tiny);
        var models = Path.Combine(gridcare.DataDirectory, "data", "models", "classifier");

        Assert.Equal(0, first);
        Assert.Contains("Activated", firstOutput, StringComparison.Ordinal);
        Assert.Contains("macro-F1", firstOutput, StringComparison.Ordinal);
        Assert.Equal(3, worse);
        Assert.Contains("Not activated", worseError, StringComparison.Ordinal);
        var active = (await File.ReadAllTextAsync(Path.Combine(models, "active"), TestContext.Current.CancellationToken)).Trim();
        Assert.Contains(active, firstOutput, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(models));
    }

    [Fact]
    public async Task EvaluateAndPredict_OnTheActiveModel()
    {
        Assert.Equal(0, (await gridcare.RunAsync("migrate")).ExitCode);
        Assert.Equal(0, (await gridcare.RunAsync("classify", "train", "--corpus", ClassifierSample.Path)).ExitCode);
        var input = Path.Combine(gridcare.DataDirectory, "calls.tsv");
        var output = Path.Combine(gridcare.DataDirectory, "calls-classified.tsv");
        await File.WriteAllTextAsync(input, "id\ttext\n1\t我家停电了，麻烦派人来修一下\n2\t请问电费怎么在手机上交\n", TestContext.Current.CancellationToken);

        var (evaluated, report, _) = await gridcare.RunAsync("classify", "evaluate", "--input", ClassifierSample.Path);
        var (predicted, _, _) = await gridcare.RunAsync("classify", "predict", "--input", input, "--output", output);
        var (missing, _, missingError) = await gridcare.RunAsync("classify", "predict", "--input", input + ".none", "--output", output);

        Assert.Equal(0, evaluated);
        Assert.Contains("## Type: 98 texts, accuracy", report, StringComparison.Ordinal);
        Assert.Contains("| true \\ predicted | repair | complaint |", report, StringComparison.Ordinal);
        Assert.Equal(0, predicted);
        var rows = (await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(["id", "text", "type", "complaint_class", "confidence"], rows[0]);
        Assert.Equal(["1", "repair", ""], [rows[1][0], rows[1][2], rows[1][3]]);
        Assert.Equal("inquiry", rows[2][2]);
        Assert.InRange(double.Parse(rows[1][4], System.Globalization.CultureInfo.InvariantCulture), 0.0, 1.0);
        Assert.Equal(2, missing);
        Assert.Contains("no such file", missingError, StringComparison.Ordinal);
    }
}
