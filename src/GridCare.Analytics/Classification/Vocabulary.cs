using System.Globalization;
using Microsoft.ML.Data;

namespace GridCare.Analytics.Classification;

/// <summary>
/// The features a model knows, with their inverse document frequency. A text becomes a sparse TF-IDF vector
/// (sublinear term frequency, L2-normalised), so a long post and a short SMS weigh alike.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> index;
    private readonly string[] terms;
    private readonly float[] idf;

    private Vocabulary(string[] terms, float[] idf)
    {
        this.terms = terms;
        this.idf = idf;
        index = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            index[terms[i]] = i;
        }
    }

    public int Size => terms.Length;

    public string Term(int i) => terms[i];

    /// <summary>Keeps the features seen in at least <paramref name="minDocuments"/> texts.</summary>
    public static Vocabulary Build(IReadOnlyList<List<string>> documents, int minDocuments)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var token in document.Distinct(StringComparer.Ordinal))
            {
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
        }

        var kept = frequency.Where(f => f.Value >= minDocuments).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        var n = documents.Count;
        return new Vocabulary(
            [.. kept.Select(f => f.Key)],
            [.. kept.Select(f => (float)(Math.Log((1.0 + n) / (1.0 + f.Value)) + 1.0))]);
    }

    public VBuffer<float> Vectorize(List<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new int[tokens.Count];
        var n = 0;
        foreach (var token in tokens)
        {
            if (index.TryGetValue(token, out var i))
            {
                found[n++] = i;
            }
        }

        Array.Sort(found, 0, n);
        var indices = new int[n];
        var values = new float[n];
        var count = 0;
        double norm = 0;
        for (var k = 0; k < n;)
        {
            var feature = found[k];
            var run = 1;
            while (k + run < n && found[k + run] == feature)
            {
                run++;
            }

            var value = (1.0 + Math.Log(run)) * idf[feature];
            indices[count] = feature;
            values[count++] = (float)value;
            norm += value * value;
            k += run;
        }

        if (norm > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(norm));
            for (var k = 0; k < count; k++)
            {
                values[k] *= scale;
            }
        }

        return new VBuffer<float>(terms.Length, count, values, indices);
    }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < terms.Length; i++)
        {
            writer.Write(terms[i]);
            writer.Write('\t');
            writer.WriteLine(idf[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public static Vocabulary Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var terms = new List<string>();
        var idf = new List<float>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.LastIndexOf('\t');
            if (tab > 0)
            {
                terms.Add(line[..tab]);
                idf.Add(float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture));
            }
        }

        return new Vocabulary([.. terms], [.. idf]);
    }
}
