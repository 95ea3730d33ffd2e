using GridCare.Analytics.Classification;

namespace GridCare.Features.Classification;

/// <summary>The labelled corpus: the file of <see cref="ClassifierOptions.CorpusPath"/>, or the one shipped inside GridCare.</summary>
public static class ClassifierCorpus
{
    private const string ShippedResource = "GridCare.Corpus.complaints.tsv";

    public static (List<LabelledText> Rows, List<string> Errors) Read(string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                return ([], [$"{path}: no such file"]);
            }

            using var file = new StreamReader(path);
            return CorpusFile.Read(file, Path.GetFileName(path));
        }

        using var stream = typeof(ClassifierCorpus).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The shipped corpus {ShippedResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return CorpusFile.Read(reader, "corpus/complaints.tsv");
    }
}
