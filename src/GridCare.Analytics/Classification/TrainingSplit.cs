namespace GridCare.Analytics.Classification;

/// <summary>
/// The held-out split: per label, the texts ordered by a seeded hash of their words, the first <c>testFraction</c>
/// held out. Stratified (every label keeps its share in both parts) and stable: a text stays on its side whatever
/// order the corpus file has, and mostly when rows are added, so an old and a new model are compared on much the same texts.
/// </summary>
public static class TrainingSplit
{
    public const int DefaultSeed = 20261127;
    public const double DefaultTestFraction = 0.2;

    public static (List<LabelledText> Train, List<LabelledText> Test) Stratified(
        IEnumerable<LabelledText> rows, double testFraction = DefaultTestFraction, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var train = new List<LabelledText>();
        var test = new List<LabelledText>();
        foreach (var group in rows.GroupBy(r => r.Label))
        {
            var ordered = group.OrderBy(r => Hash(r.Text, seed)).ThenBy(r => r.Text, StringComparer.Ordinal).ToList();
            var held = ordered.Count < 2 ? 0 : Math.Max(1, (int)Math.Round(ordered.Count * testFraction));
            test.AddRange(ordered.Take(held));
            train.AddRange(ordered.Skip(held));
        }

        return (train, test);
    }

    /// <summary>FNV-1a over the text's UTF-16 code units, mixed with the seed: the same on every machine and run.</summary>
    private static ulong Hash(string text, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
