using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>Finding jurisdictions in a sentence, and the article's own date.</summary>
public sealed partial class Detector
{
    private const int MaxNameTokens = 4;

    /// <summary>Countries, breakaway authorities and regions named in <paramref name="text"/>: names, demonyms ("Azerbaijani forces"), capitals as metonyms ("Baku said").</summary>
    internal IReadOnlyList<Mention> Mentions(string text, IReadOnlyDictionary<string, Place>? people = null)
    {
        List<Mention>? result = null;
        // Fixed-size buffers as struct locals rather than stackalloc, which would keep this hot loop
        // from tiering up (no on-stack replacement for methods with localloc).
        var lowerBuffer = default(NameBuffer);
        Span<char> lower = lowerBuffer;
        var tokenBuffer = default(TokenBuffer);
        Span<(int Start, int Length)> tokens = tokenBuffer;
        var i = 0;
        while (i < text.Length)
        {
            // Names start with a capital: skip ahead to the next one (or to a non-ASCII character) at once.
            var next = text.AsSpan(i).IndexOfAnyExcept(AsciiButCapitals);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (!char.IsUpper(text[i]) || !IsTokenStart(text, i))
            {
                i++;
                continue;
            }

            TokensFrom(text, i, tokens[..1]);
            var first = text.AsSpan(tokens[0].Start, tokens[0].Length);
            i = tokens[0].Start + tokens[0].Length;
            var words = NameWords(first, lower, people);
            if (words == 0)
            {
                continue;
            }

            var count = 1 + TokensFrom(text, i, tokens[1..Math.Min(words, MaxNameTokens)]);

            for (var len = count; len >= 1; len--)
            {
                if (!Contiguous(text, tokens, len))
                {
                    continue;
                }

                var start = tokens[0].Start;
                var end = tokens[len - 1].Start + tokens[len - 1].Length;
                var (name, possessive) = StripPossessive(text[start..end]);
                var folded = TextFold.Fold(name);
                var place = _gazetteer.Jurisdiction(folded);
                Place? capital = null;
                if (place is null && _gazetteer.CountryOfCapital(folded) is { } country)
                {
                    place = country;
                    capital = _gazetteer.Find(name).Where(p => p.Kind == PlaceKind.City && p.Country == country.Country).MaxBy(p => p.Population);
                }

                if (place is null && people is not null && people.TryGetValue(folded, out var side))
                {
                    place = side;
                }

                if (place is null)
                {
                    continue;
                }

                var shared = capital is null ? _gazetteer.SharedName(folded) : [];
                (result ??= []).Add(new Mention(start, end, place, possessive, capital, shared.Count > 1 ? shared : null));
                i = end;
                break;
            }
        }

        return result ?? (IReadOnlyList<Mention>)[];
    }

    [System.Runtime.CompilerServices.InlineArray(64)]
    private struct NameBuffer
    {
        private char _first;
    }

    [System.Runtime.CompilerServices.InlineArray(MaxNameTokens)]
    private struct TokenBuffer
    {
        private (int Start, int Length) _first;
    }

    // Every ASCII character except the capitals A–Z: what a scan for the next name can skip.
    private static readonly System.Buffers.SearchValues<char> AsciiButCapitals = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is < 'A' or > 'Z')));

    // Words: letters, marks and digits, with inner apostrophes and dots ("U.S.", "Azerbaijan's") and a
    // trailing possessive apostrophe ("Armenians'"). A word starts where the previous one cannot go on.
    private static bool IsTokenStart(string text, int i) =>
        i == 0 || !(IsWordChar(text[i - 1]) || (text[i - 1] is '\'' or '’' or '.' && i >= 2 && IsWordChar(text[i - 2])));

    /// <summary>Up to <c>tokens.Length</c> words from <paramref name="start"/> (a word start); returns how many.</summary>
    private static int TokensFrom(string text, int start, Span<(int Start, int Length)> tokens)
    {
        var count = 0;
        var i = start;
        while (count < tokens.Length && i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var tokenStart = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] is '\'' or '’' or '.' && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            if (i < text.Length && text[i] is '\'' or '’')
            {
                i++; // "Armenians'" possessive
            }

            tokens[count++] = (tokenStart, i - tokenStart);
        }

        return count;
    }

    private static bool IsWordChar(char c) => char.IsAscii(c)
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // A cheap test before folding spans: the most words a jurisdiction, capital or known person
    // starting with this word can have (0: none starts with it), so longer spans are never tried.
    private int NameWords(ReadOnlySpan<char> token, Span<char> buffer, IReadOnlyDictionary<string, Place>? people)
    {
        if (people is not null && people.Count > 0)
        {
            return MaxNameTokens;
        }

        var end = token.IndexOfAny('\'', '’');
        var word = end > 0 ? token[..end] : token;
        if (word.Length > buffer.Length || !Ascii.IsValid(word))
        {
            return MaxNameTokens; // rare: let the full fold decide
        }

        Ascii.ToLower(word, buffer, out var written);
        var folded = buffer[..written];
        var words = _gazetteer.JurisdictionWords(folded);
        // A plural demonym ("Armenians") has the words of its singular.
        return folded.Length > 4 && folded[^1] == 's' ? Math.Max(words, _gazetteer.JurisdictionWords(folded[..^1])) : words;
    }

    private static bool Contiguous(string text, ReadOnlySpan<(int Start, int Length)> tokens, int len)
    {
        for (var k = 1; k < len; k++)
        {
            var prevEnd = tokens[k - 1].Start + tokens[k - 1].Length;
            var gap = text.AsSpan(prevEnd, tokens[k].Start - prevEnd);
            var word = text.AsSpan(tokens[k].Start, tokens[k].Length);
            if (gap is not (" " or "-") || (!char.IsUpper(word[0]) && word is not ("of" or "and")))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// People the article ties to a side ("Azerbaijan's President Ilham Aliyev", "Ukrainian
    /// President Volodymyr Zelensky"): their full and last names, folded, so that "Aliyev announced"
    /// later in the article names Azerbaijan as the actor.
    /// </summary>
    internal static Dictionary<string, Place> People(IReadOnlyList<Text.Sentence> sentences, IReadOnlyList<IReadOnlyList<Mention>> mentions)
    {
        var people = new Dictionary<string, Place>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
        {
            if (mentions[i].Count == 0 || sentences[i].Text.AsSpan().IndexOfAny(TitleWords) < 0)
            {
                continue; // the common case: no title in the sentence, so no need to try one after each name
            }

            foreach (var m in mentions[i])
            {
                var title = Title().Match(sentences[i].Text, m.End);
                if (!title.Success)
                {
                    continue;
                }

                var name = title.Groups["name"].Value;
                people.TryAdd(TextFold.Fold(name), m.Place);
                people.TryAdd(TextFold.Fold(name.Split(' ')[^1]), m.Place);
            }
        }

        return people;
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

    // A word every title of Title() contains: a fast test before trying the pattern after each name.
    private static readonly System.Buffers.SearchValues<string> TitleWords = System.Buffers.SearchValues.Create(
        ["President", "Minister", "Premier", "Chancellor", "King", "Emir", "Sultan", "leader", "commander", "General", "Gen.", "spokes", "chief", "Chief", "Secretary", "Ambassador", "envoy"],
        StringComparison.Ordinal);

    [GeneratedRegex(@"\G(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,3}?(?:President|Prime\s+Minister|Premier|Foreign\s+Minister|Defen[cs]e\s+Minister|Minister|Chancellor|King|Emir|Sultan|leader|commander|General|Gen\.|spokes(?:man|woman|person)|chief|Chief\s+of\s+Staff|Secretary|Ambassador|envoy)\s+(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})")]
    private static partial Regex Title();

    [GeneratedRegex(@"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d\d)|\d{1,2}\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+(?<y>(?:19|20)\d\d)|(?<y>(?:19|20)\d\d)-[01]\d-[0-3]\d)")]
    private static partial Regex Dateline();
}
