using System.Globalization;
using System.Text;

namespace GridCare.Analytics.Classification;

/// <summary>
/// Brings the many ways customers type one word to one form before segmentation: full-width letters and digits to
/// ASCII (NFKC), traditional characters to simplified (a shipped map of power-service characters), Latin to lower
/// case, emoji and other pictographs to one marker token, runs of whitespace to one space. Only the first
/// <see cref="MaxChars"/> characters are read: the type of a message shows in its opening, and a pasted
/// 10,000-character post must not cost more than a long one.
/// </summary>
public static class TextNormalizer
{
    public const int MaxChars = 1000;

    /// <summary>Stands for any emoji or pictograph (a private-use character); an angry face carries meaning, the exact one does not.</summary>
    public const char EmojiMark = '\uE000';

    private static readonly Dictionary<char, char> Traditional = LoadTraditional();

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var head = text.Length > MaxChars ? text[..MaxChars] : text;

        // A truncation may split a surrogate pair; drop the lone half rather than pass invalid UTF-16 on.
        if (head.Length > 0 && char.IsHighSurrogate(head[^1]))
        {
            head = head[..^1];
        }

        var folded = head.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = true;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsSurrogate(c) || IsPictograph(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < folded.Length)
                {
                    i++;
                }

                Append(' ');
                Append(EmojiMark);
                Append(' ');
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFE0F' || c == '\u200D')
            {
                Append(' ');
                continue;
            }

            Append(Traditional.TryGetValue(c, out var simplified) ? simplified : char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim();

        void Append(char c)
        {
            if (c == ' ')
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                return;
            }

            builder.Append(c);
            lastWasSpace = false;
        }
    }

    private static bool IsPictograph(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol && c is >= '\u2600' and <= '\u27BF';

    private static Dictionary<char, char> LoadTraditional()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in ClassifierResources.Lines("traditional.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0].Length == 1 && parts[1].Length == 1)
            {
                map[parts[0][0]] = parts[1][0];
            }
        }

        return map;
    }
}
