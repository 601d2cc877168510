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
            foreach (Match m in End().Matches(unit))
            {
                var cut = m.Index + m.Length;
                if (IsAbbreviation(unit, m.Index))
                {
                    continue;
                }

                Add(result, unit, start, from, cut);
                from = cut;
            }

            Add(result, unit, start, from, unit.Length);
        }

        return result;
    }

    private static void Add(List<Sentence> result, string unit, int start, int from, int to)
    {
        var s = unit[from..to];
        var trimmed = s.Trim();
        var offset = start + from + (s.Length - s.TrimStart().Length);
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
        var pos = 0;
        foreach (var raw in text.Split('\n'))
        {
            lines.Add((raw.TrimEnd('\r'), pos));
            pos += raw.Length + 1;
        }

        var sb = new StringBuilder();
        var unitStart = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, start) = lines[i];
            var trimmed = Whitespace().Replace(line.Trim(), " ");
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

    [GeneratedRegex(@"[.!?]+[""”’')\]]*(?=\s+[\p{Lu}\d""“‘'(\[])")]
    private static partial Regex End();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
