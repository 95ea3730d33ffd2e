using JiebaNet.Segmenter;

namespace GridCare.Analytics.Classification;

/// <summary>
/// Turns a normalised text into the classifier's features: jieba words (with the power-service user dictionary, so
/// 业扩报装, 跳闸, 户号 stay whole) prefixed <c>w:</c>, plus Chinese character unigrams and bigrams prefixed
/// <c>c:</c>, which still match when a typo or a speech-recognition error breaks a word (电亚低 shares 电 and 低).
/// Long digit runs (account, meter and phone numbers) become one token; short ones (95598, 12345) stay as they are.
/// jieba's HMM for unknown words is off: the character grams already cover them, and it cost a quarter of the time
/// for no gain on the corpus (docs/benchmarks.md); trigrams likewise cost time and did not help.
/// jieba's dictionaries load once per process, on first use (about a second), never per request.
/// </summary>
public static class ChineseTokenizer
{
    public const string WordPrefix = "w:";
    public const string CharPrefix = "c:";
    private const string NumberToken = "w:#num";
    private const int MaxGram = 2;

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(CreateSegmenter, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads the dictionaries now (at start-up, so the first request does not pay for it).</summary>
    public static void Warm() => _ = Segmenter.Value;

    public static List<string> Tokenize(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var tokens = new List<string>(normalized.Length * 3);
        foreach (var chunk in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 0; i <= chunk.Length; i++)
            {
                if (i < chunk.Length && chunk[i] != TextNormalizer.EmojiMark)
                {
                    continue;
                }

                if (i > start)
                {
                    AddWords(chunk[start..i], tokens);
                    AddCharacterGrams(chunk.AsSpan(start, i - start), tokens);
                }

                if (i < chunk.Length)
                {
                    tokens.Add("w:emoji");
                }

                start = i + 1;
            }
        }

        return tokens;
    }

    /// <summary>The text a feature stands for, as shown in an explanation.</summary>
    public static string Display(string feature) => feature.Length > 2 && feature[1] == ':' ? feature[2..] : feature;

    private static void AddWords(string text, List<string> tokens)
    {
        foreach (var word in Segmenter.Value.Cut(text, cutAll: false, hmm: false))
        {
            if (word.Length == 0 || !word.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            tokens.Add(word.All(char.IsAsciiDigit) && word.Length > 5 ? NumberToken : WordPrefix + word);
        }
    }

    private static void AddCharacterGrams(ReadOnlySpan<char> text, List<string> tokens)
    {
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsHan(text[i]))
            {
                run = 0;
                continue;
            }

            run++;
            for (var n = 1; n <= Math.Min(run, MaxGram); n++)
            {
                tokens.Add(string.Concat(CharPrefix, text.Slice(i - n + 1, n)));
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static JiebaSegmenter CreateSegmenter()
    {
        // jieba.NET reads its dictionaries from files; the build copies them from the package next to the assembly.
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        var segmenter = new JiebaSegmenter();
        foreach (var line in ClassifierResources.Lines("power_dict.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            segmenter.AddWord(parts[0], parts.Length > 1 && int.TryParse(parts[1], out var frequency) ? frequency : 0);
        }

        return segmenter;
    }
}
