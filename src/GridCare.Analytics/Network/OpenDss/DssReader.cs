using System.Text;

namespace GridCare.Analytics.Network.OpenDss;

/// <summary>
/// Reads an OpenDSS script into commands: follows <c>Redirect</c> and <c>Compile</c> (relative to the file that
/// names them), drops <c>!</c> and <c>//</c> comments and <c>/* … */</c> blocks, joins <c>~</c> / <c>More</c>
/// continuation lines onto the command before, and splits parameters (<c>name=value</c> or positional; values may be
/// quoted or bracketed: <c>"…" '…' (…) […] {…}</c>). Everything is case-insensitive; verbs come back lower-case.
/// </summary>
public static class DssReader
{
    public static IReadOnlyList<DssCommand> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var commands = new List<DssCommand>();
        Read(Path.GetFullPath(path), commands, [], null, 0);
        return commands;
    }

    private static void Read(string path, List<DssCommand> commands, HashSet<string> open, string? fromFile, int fromLine)
    {
        if (!File.Exists(path))
        {
            throw fromFile is null
                ? new DssFormatException($"{path}: no such file")
                : new DssFormatException(fromFile, fromLine, $"no such file '{path}'");
        }

        if (!open.Add(path))
        {
            throw new DssFormatException(fromFile ?? path, fromLine, $"'{Path.GetFileName(path)}' redirects to itself");
        }

        var name = Path.GetFileName(path);
        var lineNo = 0;
        var inBlock = false;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var text = raw;
            if (inBlock)
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                inBlock = false;
                text = text[(end + 2)..];
            }
            else if (text.TrimStart().StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", text.IndexOf("/*", StringComparison.Ordinal) + 2, StringComparison.Ordinal);
                inBlock = end < 0;
                text = end < 0 ? string.Empty : text[(end + 2)..];
            }

            var tokens = Tokenize(StripComment(text), name, lineNo);
            if (tokens.Count == 0)
            {
                continue;
            }

            var verb = tokens[0].Name is null ? tokens[0].Value.ToLowerInvariant() : string.Empty;
            if (verb is "~" or "more" or "m")
            {
                if (commands.Count == 0 || commands[^1].Verb is not ("new" or "edit"))
                {
                    throw new DssFormatException(name, lineNo, "a '~' continuation with no New or Edit command before it");
                }

                var previous = commands[^1];
                commands[^1] = previous with { Parameters = [.. previous.Parameters, .. tokens.Skip(1)] };
                continue;
            }

            if (verb.Length == 0)
            {
                // "name=value" alone continues the last New/Edit in OpenDSS only after '~'; elsewhere it is an error.
                throw new DssFormatException(name, lineNo, $"a command was expected, not '{tokens[0].Name}={tokens[0].Value}'");
            }

            if (verb is "redirect" or "compile")
            {
                var target = tokens.Skip(1).FirstOrDefault().Value;
                if (string.IsNullOrWhiteSpace(target))
                {
                    throw new DssFormatException(name, lineNo, $"{verb} names no file");
                }

                Read(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target)), commands, open, name, lineNo);
                continue;
            }

            commands.Add(new DssCommand(name, lineNo, verb, tokens.Skip(1).ToList()));
        }

        open.Remove(path);
    }

    /// <summary>Cuts the line at the first <c>!</c> or <c>//</c> outside quotes and brackets.</summary>
    private static string StripComment(string line)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == '!' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/')))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static List<DssParameter> Tokenize(string line, string file, int lineNo)
    {
        var tokens = new List<DssParameter>();
        var i = 0;
        while (true)
        {
            SkipSeparators(line, ref i);
            if (i >= line.Length)
            {
                return tokens;
            }

            var first = ReadValue(line, ref i, file, lineNo);
            var j = i;
            while (j < line.Length && line[j] is ' ' or '\t')
            {
                j++;
            }

            if (j < line.Length && line[j] == '=')
            {
                i = j + 1;
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                var value = i < line.Length && line[i] != ',' ? ReadValue(line, ref i, file, lineNo) : string.Empty;
                tokens.Add(new DssParameter(first.ToLowerInvariant(), value));
            }
            else
            {
                tokens.Add(new DssParameter(null, first));
            }
        }
    }

    private static void SkipSeparators(string line, ref int i)
    {
        while (i < line.Length && line[i] is ' ' or '\t' or ',')
        {
            i++;
        }
    }

    private static string ReadValue(string line, ref int i, string file, int lineNo)
    {
        var open = line[i];
        char? close = open switch { '"' => '"', '\'' => '\'', '(' => ')', '[' => ']', '{' => '}', _ => null };
        if (close is { } c)
        {
            var end = line.IndexOf(c, i + 1);
            if (end < 0)
            {
                throw new DssFormatException(file, lineNo, $"'{open}' is not closed");
            }

            var inner = line[(i + 1)..end];
            i = end + 1;
            return inner.Trim();
        }

        var value = new StringBuilder();
        while (i < line.Length && line[i] is not (' ' or '\t' or ',' or '='))
        {
            value.Append(line[i++]);
        }

        return value.ToString();
    }
}
