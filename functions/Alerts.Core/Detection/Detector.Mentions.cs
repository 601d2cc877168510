using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>Finding jurisdictions in a sentence, and the article's own date.</summary>
public sealed partial class Detector
{
    private const int MaxNameTokens = 4;

    /// <summary>Countries, breakaway authorities and regions named in <paramref name="text"/>: names, demonyms ("Azerbaijani forces"), capitals as metonyms ("Baku said").</summary>
    internal IReadOnlyList<Mention> Mentions(string text)
    {
        var tokens = Token().Matches(text);
        var result = new List<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!char.IsUpper(tokens[i].Value[0]))
            {
                continue;
            }

            for (var len = Math.Min(MaxNameTokens, tokens.Count - i); len >= 1; len--)
            {
                if (!Contiguous(text, tokens, i, len))
                {
                    continue;
                }

                var start = tokens[i].Index;
                var end = tokens[i + len - 1].Index + tokens[i + len - 1].Length;
                var (name, possessive) = StripPossessive(text[start..end]);
                var folded = TextFold.Fold(name);
                var place = _gazetteer.Jurisdiction(folded) ?? _gazetteer.CountryOfCapital(folded);
                if (place is null)
                {
                    continue;
                }

                result.Add(new Mention(start, end, place, possessive));
                i += len - 1;
                break;
            }
        }

        return result;
    }

    private static bool Contiguous(string text, MatchCollection tokens, int i, int len)
    {
        for (var k = i + 1; k < i + len; k++)
        {
            var gap = text.AsSpan(tokens[k - 1].Index + tokens[k - 1].Length, tokens[k].Index - tokens[k - 1].Index - tokens[k - 1].Length);
            if (gap is not (" " or "-") || !char.IsUpper(tokens[k].Value[0]) && tokens[k].Value is not ("of" or "and"))
            {
                return false;
            }
        }

        return true;
    }

    internal static (string Name, bool Possessive) StripPossessive(string name)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["'s", "’s", "'", "’"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
            {
                return (name[..^suffix.Length], suffix.Length == 2);
            }
        }

        return (name, false);
    }

    /// <summary>The year of a dateline near the top ("Published October 4th, 2020", "4 October 2020", "2020-10-04"), or null.</summary>
    internal static int? DatelineYear(string text)
    {
        var head = text.Length > 800 ? text[..800] : text;
        var m = Dateline().Match(head);
        return m.Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*(?:['’]s?)?")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)|\d{1,2}\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+(?<y>(?:19|20)\d\d)|(?<y>(?:19|20)\d\d)-[01]\d-[0-3]\d)")]
    private static partial Regex Dateline();
}
