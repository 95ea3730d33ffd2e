using GridCare.Analytics.Classification;

namespace GridCare.Analytics.Knowledge;

/// <summary>
/// The search terms of a text, from the classifier's own normaliser and segmenter (jieba with the power-service user
/// dictionary, so 业扩报装 and 复电 stay whole): jieba words plus Chinese character bigrams, which still match when a
/// typo or a speech-recognition error breaks a word (电亚低 shares 电亚 with nothing, but 低了 and the word 电 still
/// count). Single characters are left out: 电 and 的 are in nearly every article and only add noise to the ranking.
/// The normaliser reads 1,000 characters at a time, so long bodies are cut into paragraphs first.
/// </summary>
public static class KnowledgeTokens
{
    /// <summary>A bigram weighs less than a whole word: it is the fallback for broken words, not the main signal.</summary>
    public const double BigramWeight = 0.4;

    public static void Add(string? text, Dictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var piece in Pieces(text))
        {
            foreach (var token in ChineseTokenizer.Tokenize(TextNormalizer.Normalize(piece)))
            {
                var weight = Weight(token);
                if (weight > 0)
                {
                    weights[token] = weights.GetValueOrDefault(token) + weight;
                }
            }
        }
    }

    public static Dictionary<string, double> Of(string? text)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(text, weights);
        return weights;
    }

    // Words that every question and article has; they would only add the same small score to every article.
    private static readonly HashSet<string> StopWords = new(
        ["的", "了", "吗", "呢", "吧", "啊", "我", "我家", "你", "你们", "是", "在", "有", "和", "怎么", "什么", "请问", "一下", "这", "那", "就", "都", "也", "还", "要",
         "the", "a", "an", "to", "of", "and", "is", "are", "my", "i", "you", "do", "does", "how", "what", "in", "on", "for", "it", "be", "can"],
        StringComparer.Ordinal);

    private static double Weight(string token)
    {
        if (token.StartsWith(ChineseTokenizer.WordPrefix, StringComparison.Ordinal))
        {
            return token.Length > 2 && !StopWords.Contains(token[2..]) ? 1.0 : 0;
        }

        // c:电 is a unigram (4 chars with the prefix only when it is a bigram).
        return token.Length == 4 ? BigramWeight : 0;
    }

    private static IEnumerable<string> Pieces(string text)
    {
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            for (var start = 0; start < paragraph.Length; start += TextNormalizer.MaxChars)
            {
                yield return paragraph.Substring(start, Math.Min(TextNormalizer.MaxChars, paragraph.Length - start));
            }
        }
    }
}
