using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// Splits article text into sentences. Paragraphs are separated by blank lines; inside a paragraph,
/// a short line without a final stop is a headline, caption or bullet of its own, while long lines
/// that run on (hard-wrapped text, PDFs) are joined. Sentence ends are . ! ? (with closing quotes)
/// before a capital, digit or quote, except after common abbreviations and initials.
/// </summary>
public static partial class SentenceSplitter
{
    private const int HeadlineMaxLength = 90;
    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create(".!?");

    // Every char.IsWhiteSpace character (the set \s matches) except the plain space.
    private static readonly System.Buffers.SearchValues<char> WhitespaceButSpace = System.Buffers.SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>The longest sentence handed to the rules; longer runs are cut at spaces.</summary>
    public const int MaxSentenceLength = 1000;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "adm", "cmdr", "st", "jr", "sr", "prof",
        "gov", "sen", "rep", "pres", "no", "nos", "vs", "etc", "e.g", "i.e", "approx", "est", "dept", "govt", "fig", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "a.m", "p.m", "mt", "ft", "km", "lb",
    };

    /// <summary>The sentences of <paramref name="text"/>, in order, with offsets into it.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        foreach (var (unit, start, headline) in Units(text))
        {
            if (headline)
            {
                result.Add(new Sentence(unit, start, true));
                continue;
            }

            var from = 0;
            for (var i = unit.AsSpan().IndexOfAny(Stops); i >= 0 && i < unit.Length; i = NextStop(unit, i))
            {
                var cut = EndOfStop(unit, i);
                if (cut < 0 || IsAbbreviation(unit, i))
                {
                    i = Math.Max(i, cut - 1);
                    continue;
                }

                Add(result, unit, start, from, cut);
                from = cut;
                i = cut - 1;
            }

            Add(result, unit, start, from, unit.Length);
        }

        return result;
    }

    private static int NextStop(string unit, int i)
    {
        var next = unit.AsSpan(i + 1).IndexOfAny(Stops);
        return next < 0 ? -1 : i + 1 + next;
    }

    // After a stop at i: more stops and closing quotes, then whitespace and a capital, digit, quote or
    // bracket. Returns the index after the closing characters, or -1 when this is not a sentence end.
    private static int EndOfStop(string unit, int i)
    {
        var j = i;
        while (j < unit.Length && unit[j] is '.' or '!' or '?')
        {
            j++;
        }

        while (j < unit.Length && unit[j] is '"' or '”' or '’' or '\'' or ')' or ']')
        {
            j++;
        }

        var k = j;
        while (k < unit.Length && char.IsWhiteSpace(unit[k]))
        {
            k++;
        }

        if (k == j || k >= unit.Length)
        {
            return -1;
        }

        var c = unit[k];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' ? j : -1;
    }

    private static void Add(List<Sentence> result, string unit, int start, int from, int to)
    {
        var span = unit.AsSpan(from, to - from);
        var lead = span.Length - span.TrimStart().Length;
        var trimmed = span.Trim().ToString();
        var offset = start + from + lead;
        // Run-on text (tables, lists without stops, hostile input) is cut into bounded pieces at spaces,
        // which keeps every rule's work per sentence bounded.
        while (trimmed.Length > MaxSentenceLength)
        {
            var cut = trimmed.LastIndexOf(' ', MaxSentenceLength);
            cut = cut <= 0 ? MaxSentenceLength : cut;
            result.Add(new Sentence(trimmed[..cut], offset, false));
            var rest = trimmed[cut..];
            offset += cut + (rest.Length - rest.TrimStart().Length);
            trimmed = rest.TrimStart();
        }

        if (trimmed.Length > 0)
        {
            result.Add(new Sentence(trimmed, offset, false));
        }
    }

    private static bool IsAbbreviation(string unit, int stopIndex)
    {
        if (unit[stopIndex] != '.')
        {
            return false;
        }

        var i = stopIndex;
        while (i > 0 && (char.IsLetter(unit[i - 1]) || unit[i - 1] == '.'))
        {
            i--;
        }

        var word = unit[i..stopIndex];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    /// <summary>Paragraph units: (text, offset, is-headline). Hard-wrapped lines are joined with a space.</summary>
    private static IEnumerable<(string Text, int Start, bool Headline)> Units(string text)
    {
        var lines = new List<(string Line, int Start)>();
        for (var pos = 0; pos <= text.Length;)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - pos;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            lines.Add((text.Substring(pos, length), pos));
            pos = end + 1;
        }

        var sb = new StringBuilder();
        var unitStart = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, start) = lines[i];
            var trimmed = Collapse(line);
            if (trimmed.Length == 0)
            {
                if (sb.Length > 0)
                {
                    yield return (sb.ToString(), unitStart, false);
                    sb.Clear();
                }

                continue;
            }

            var endsSentence = EndsWithStop(trimmed);
            if (sb.Length == 0 && !endsSentence && trimmed.Length <= HeadlineMaxLength && !ContinuesOnNextLine(lines, i))
            {
                yield return (trimmed, start + (line.Length - line.TrimStart().Length), true);
                continue;
            }

            if (sb.Length == 0)
            {
                unitStart = start + (line.Length - line.TrimStart().Length);
                if (endsSentence && !ContinuesOnNextLine(lines, i))
                {
                    yield return (trimmed, unitStart, false); // the common case: one line, one paragraph
                    continue;
                }
            }
            else
            {
                sb.Append(' ');
            }

            sb.Append(trimmed);
            if (endsSentence && !ContinuesOnNextLine(lines, i))
            {
                yield return (sb.ToString(), unitStart, false);
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return (sb.ToString(), unitStart, false);
        }
    }

    // Trimmed, with runs of whitespace as one space; the same string when nothing needs changing.
    private static string Collapse(string line)
    {
        var t = line.Trim();
        var needs = t.AsSpan().IndexOfAny(WhitespaceButSpace) >= 0 || t.Contains("  ", StringComparison.Ordinal);
        return needs ? Whitespace().Replace(t, " ") : t;
    }

    // A line continues when the next non-empty line starts in lower case (a wrapped sentence).
    private static bool ContinuesOnNextLine(List<(string Line, int Start)> lines, int i)
    {
        if (i + 1 >= lines.Count)
        {
            return false;
        }

        var next = lines[i + 1].Line.TrimStart();
        return next.Length > 0 && (char.IsLower(next[0]) || (lines[i].Line.TrimEnd().Length > HeadlineMaxLength && !EndsWithStop(lines[i].Line.Trim())));
    }

    private static bool EndsWithStop(string s)
    {
        var t = s.TrimEnd('"', '”', '’', '\'', ')', ' ', '*');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or ':' or ';';
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
