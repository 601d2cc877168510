using System.Text.RegularExpressions;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>Whether a mention is asserted (PLOVER context flags), and who claims it.</summary>
public sealed partial class Detector
{
    /// <summary>The context that keeps a mention from firing, or null when it is asserted.</summary>
    internal static string? ContextOf(string sentence, int start, int end, int? referenceYear) =>
        AssertionContext(sentence, start, end) ?? (IsHistorical(sentence, referenceYear) ? DetectionContext.Historical : null);

    /// <summary>Negation, hypothetical or future context of the words around one match (the sentence's date is checked apart).</summary>
    private static string? AssertionContext(string sentence, int start, int end)
    {
        var clauseStart = 0;
        foreach (var b in ContextBreak().EnumerateMatches(sentence.AsSpan(0, start)))
        {
            clauseStart = b.Index + b.Length;
        }

        var before = sentence.AsSpan(clauseStart, start - clauseStart);
        var near = before.Length > 60 ? before[^60..] : before;
        var after = sentence.AsSpan(end);
        if (Negation().IsMatch(near) || (after.IndexOfAny(DenialWords) >= 0 && DenialAfter().IsMatch(after)))
        {
            return DetectionContext.Negation;
        }

        if (Hypothetical().IsMatch(near))
        {
            return DetectionContext.Hypothetical;
        }

        return Call().IsMatch(before) || Future().IsMatch(before.Length > 30 ? before[^30..] : before) ? DetectionContext.Future : null;
    }

    /// <summary>
    /// A sentence dated before the article: a year before the reference year (any explicit year
    /// when the article's date is unknown), a decade ("the 1990s"), an anniversary. "Since 1994"
    /// dates a comparison, not the event, unless a "when" clause follows.
    /// </summary>
    internal static bool IsHistorical(string sentence, int? referenceYear)
    {
        if (Anniversary().IsMatch(sentence))
        {
            return true;
        }

        foreach (Match d in Decade().Matches(sentence))
        {
            if (!Since().IsMatch(sentence[..d.Index]) || WhenAfter().IsMatch(sentence[(d.Index + d.Length)..]))
            {
                return true;
            }
        }

        if (!MayHoldYear(sentence))
        {
            return false;
        }

        foreach (var n in NumberParser.Find(sentence).Where(n => n.IsYear))
        {
            if (Since().IsMatch(sentence[..n.Start]) && !WhenAfter().IsMatch(sentence[n.End..]))
            {
                continue;
            }

            if (referenceYear is null || n.Value < referenceYear)
            {
                return true;
            }
        }

        return false;
    }

    // Four digits starting 19 or 20: a cheap necessary condition before parsing the sentence's numbers.
    private static bool MayHoldYear(string sentence)
    {
        for (var i = sentence.AsSpan().IndexOfAny('1', '2'); i >= 0 && i + 3 < sentence.Length; i = NextOneOrTwo(sentence, i + 1))
        {
            if (((sentence[i] == '1' && sentence[i + 1] == '9') || (sentence[i] == '2' && sentence[i + 1] == '0')) && char.IsAsciiDigit(sentence[i + 2]) && char.IsAsciiDigit(sentence[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextOneOrTwo(string s, int from)
    {
        var next = s.AsSpan(from).IndexOfAny('1', '2');
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Who says so: "according to X", or the speaker before the nearest "said/claimed/reported".</summary>
    internal static string? Claimant(string sentence, int triggerStart) => new ClaimFacts(sentence).Claimant(triggerStart);

    /// <summary>A sentence's attribution cues, found once and shared by every match in it.</summary>
    private sealed class ClaimFacts
    {
        private readonly string _sentence;
        private readonly string? _according;
        private readonly List<int> _speechVerbs = [];

        public ClaimFacts(string sentence)
        {
            _sentence = sentence;
            var according = According().Match(sentence);
            if (according.Success)
            {
                _according = Tidy(according.Groups["who"].Value);
                return;
            }

            foreach (var m in SpeechVerb().EnumerateMatches(sentence))
            {
                _speechVerbs.Add(m.Index);
            }
        }

        public string? Claimant(int triggerStart)
        {
            if (_according is not null || _speechVerbs.Count == 0)
            {
                return _according;
            }

            // The last speech verb before the trigger, else the first after it.
            var best = _speechVerbs[0];
            foreach (var index in _speechVerbs)
            {
                if (index < triggerStart)
                {
                    best = index;
                }
            }

            return SpeakerBefore(_sentence, best);
        }
    }

    private static string? SpeakerBefore(string sentence, int verbIndex)
    {
        var who = WordsBefore(sentence, verbIndex, 8);
        var cut = ClauseWord().Matches(who).LastOrDefault();
        if (cut is not null)
        {
            who = who[(cut.Index + cut.Length)..];
        }

        who = Auxiliaries().Replace(who, "");
        return who.Any(char.IsUpper) ? Tidy(who) : null;
    }

    // Up to `max` words ending just before `end` (letters, marks, apostrophes, dots and hyphens).
    private static string WordsBefore(string s, int end, int max)
    {
        var i = end;
        for (var words = 0; words < max && i > 0; words++)
        {
            var j = i;
            while (j > 0 && s[j - 1] == ' ')
            {
                j--;
            }

            var k = j;
            while (k > 0 && (char.IsLetter(s[k - 1]) || s[k - 1] is '’' or '\'' or '.' or '-' || char.GetUnicodeCategory(s[k - 1]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                k--;
            }

            if (k == j)
            {
                break;
            }

            i = k;
        }

        return s[i..end];
    }

    private static string Tidy(string who)
    {
        var t = LeadingNoise().Replace(who.Trim().Trim(',', ' ', '"', '“', '”'), "");
        return t.Length > 80 ? t[..80] : t;
    }

    // Where a mention's context starts: a new clause. "… denied A and said B": the denial is A's only.
    [GeneratedRegex(@";|\bbut\b|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b|\bbecause\b|\band\s+(?:said|says|added|claimed|insisted|stated|reported)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContextBreak();

    [GeneratedRegex(@"\b(?:not|never|no|denied|denies|deny|denying|refuted|refutes?|refuting|rejected|rejects?|dismissed|dismiss(?:es)?|false(?:ly)?|fake|untrue|baseless|neither|nor|without|failed\s+to)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // Every match of DenialAfter() contains one of these: a fast test before trying it.
    private static readonly System.Buffers.SearchValues<string> DenialWords = System.Buffers.SearchValues.Create(
        ["refuted", "denied", "rejected", "dismissed"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(?:[\p{L}’'-]+\s+){0,4}?(?:were|was|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:refuted|denied|rejected|dismissed)\b|^[^.;]{0,100}?(?:\bbut|\bwhich|\ba\s+claim|\bclaims?\s+that|,)\s+(?:(?:they|it|this|that|these|the\s+(?:claim|report|figure)s?)\s+)?(?:[\p{L}’'-]+\s+){0,4}?(?:(?:were|was|has\s+been|have\s+been|had\s+been)\s+)?(?:refuted|denied|rejected|dismissed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DenialAfter();

    [GeneratedRegex(@"\b(?:if|unless|could|might|may|should|threaten(?:s|ed|ing)?|possibl[ey]|fears?|feared|warn(?:s|ed|ing)?|likely|potential(?:ly)?|consider(?:s|ed|ing)?|rumou?r(?:s|ed)?|risk(?:s|ed)?|whether|ready\s+to|prepared\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(?:call(?:ed|s|ing)?\s+(?:on|for|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?|push(?:es|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+(?:for|to)|propos(?:e|es|ed|ing)|plead(?:s|ed|ing)?|press(?:es|ed|ing)?\s+for|hope[sd]?\s+(?:for|to)|seek(?:s|ing)?|sought|tr(?:y|ies|ied|ying)\s+to|attempt(?:s|ed|ing)?\s+to|efforts?\s+to|aim(?:s|ed|ing)?\s+to|bid\s+to|work(?:s|ed|ing)?\s+to|offer(?:s|ed|ing)?\s+to|mediat(?:e|es|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Call();

    [GeneratedRegex(@"\b(?:will|shall|going\s+to|plans?\s+to|planning\s+to|intends?\s+to|set\s+to|about\s+to|prepar(?:es|ing)\s+to|expected\s+to|would|vow(?:s|ed)?\s+to|promis(?:es|ed)\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Future();

    [GeneratedRegex(@"\banniversar(?:y|ies)\b|\bWorld\s+War\b|\bCold\s+War\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anniversary();

    [GeneratedRegex(@"\b(?:early\s+|late\s+|mid-)?(?:1[89]|20)\d0s\b")]
    private static partial Regex Decade();

    [GeneratedRegex(@"\bsince\s+(?:the\s+|a\s+|an\s+)?(?:early\s+|late\s+|mid-)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Since();

    [GeneratedRegex(@"^\S*\s*,?\s*when\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenAfter();

    [GeneratedRegex(@"\baccording\s+to\s+(?<who>(?:the\s+)?[\p{L}\p{M}’'.-]+(?:\s+(?:of\s+|the\s+)?[\p{Lu}\p{N}][\p{L}\p{M}’'.-]*){0,7})", RegexOptions.IgnoreCase)]
    private static partial Regex According();

    [GeneratedRegex(@"\b(?:said|says|stated|states|claimed|claims|reported|reports|announced|announces|confirmed|confirms|told|tweeted|wrote)\b")]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"(?:\s+(?:has|have|had|also|later|on\s+\w+))+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliaries();

    [GeneratedRegex(@"\b(?:while|whereas|and|but|that|after|when|because|as)\s+|,\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseWord();

    [GeneratedRegex(@"^(?:(?:in\s+statements?|in\s+a\s+statement|meanwhile|however|also|and|but|the|on\s+\w+|earlier|later)\b[,\s]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNoise();
}
