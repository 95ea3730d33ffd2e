using GridCare.Analytics.Classification;

namespace GridCare.Analytics.Tests.Classification;

/// <summary>
/// The hand-written sample (tests/TestData/classifier-sample.tsv: eight to ten texts for each of the twelve labels)
/// and one model trained on it, shared by the tests of a run.
/// </summary>
internal static class SampleCorpus
{
    private static readonly Lazy<List<LabelledText>> RowsValue = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "TestData", "classifier-sample.tsv"));
        var (rows, errors) = CorpusFile.Read(reader, "classifier-sample.tsv");
        Assert.Empty(errors);
        return rows;
    });

    private static readonly Lazy<TextClassifier> ModelValue = new(() => ClassifierTrainer.Train(Rows, "sample"));

    public static List<LabelledText> Rows => RowsValue.Value;

    public static TextClassifier Model => ModelValue.Value;
}
