using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// Finds numbers written as digits ("4000", "4,000", "1.5 million") or words ("five", "twenty-two",
/// "two dozen", "three hundred"), and vague quantities as approximate lower bounds ("dozens" 24,
/// "hundreds" 200, "thousands" 2,000). Years and percentages are marked so that they are not taken
/// for counts.
/// </summary>
public static partial class NumberParser
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["a dozen"] = 12, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, long> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 24, ["scores"] = 40, ["hundreds"] = 200, ["thousands"] = 2000, ["tens of thousands"] = 20000, ["hundreds of thousands"] = 200000, ["millions"] = 2000000,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["dozen"] = 12,
    };

    /// <summary>Every number in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<NumberMention> Find(string text)
    {
        var result = new List<NumberMention>();
        foreach (Match m in Pattern().Matches(text))
        {
            if (TryValue(m, text, out var mention))
            {
                result.Add(mention);
            }
        }

        return result;
    }

    private static bool TryValue(Match m, string text, out NumberMention mention)
    {
        mention = null!;
        var end = m.Index + m.Length;
        var percent = end < text.Length && (text[end] == '%' || text.AsSpan(end).TrimStart().StartsWith("percent", StringComparison.OrdinalIgnoreCase));
        if (m.Groups["vague"].Success)
        {
            mention = new NumberMention(m.Index, end, Vague[Regex.Replace(m.Groups["vague"].Value, @"\s+", " ")], true, false, false);
            return true;
        }

        double value;
        if (m.Groups["digits"].Success)
        {
            var digits = m.Groups["digits"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
        }
        else
        {
            value = Words(m.Groups["words"].Value);
            if (value <= 0)
            {
                return false;
            }
        }

        if (m.Groups["scale"].Success)
        {
            value *= Scales[m.Groups["scale"].Value];
        }

        var isYear = m.Groups["digits"].Success && !m.Groups["scale"].Success && m.Groups["digits"].Value.Length == 4
            && value is >= 1900 and <= 2100 && !m.Groups["digits"].Value.Contains(',', StringComparison.Ordinal) && LooksLikeYear(text, m.Index, end);
        mention = new NumberMention(m.Index, end, (long)Math.Round(value), false, isYear, percent);
        return true;
    }

    // "in 1994", "April 2016", "a 1994 ceasefire", "1990s", ", 2020": a year; "4000 soldiers": a count.
    private static bool LooksLikeYear(string text, int start, int end)
    {
        var after = text.AsSpan(end);
        if (after.StartsWith("s", StringComparison.Ordinal) || after.StartsWith("'s", StringComparison.Ordinal))
        {
            return true;
        }

        var next = NextWord(text, end);
        return next is null || !CountNouns().IsMatch(next);
    }

    private static string? NextWord(string text, int from)
    {
        var m = Word().Match(text, from);
        return m.Success ? m.Value : null;
    }

    private static double Words(string words)
    {
        double total = 0;
        foreach (var part in Regex.Split(words.ToLowerInvariant(), @"[\s-]+"))
        {
            if (part is "a" or "and")
            {
                continue;
            }

            if (Units.TryGetValue(part, out var unit))
            {
                total += unit;
            }
        }

        return total;
    }

    [GeneratedRegex(@"(?<![\w.,])(?:(?<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions)|(?:(?<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?<words>(?:a\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|dozen)))(?:\s+(?<scale>hundred|thousand|million|billion|dozen))?)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(soldiers?|troops?|people|civilians?|servicemen|personnel|fighters?|dead|deaths|killed|wounded|injured|men|women|children|villages?|towns?|drones?|helicopters?|aircraft|jets?|planes?|tanks?|mercenaries|reservists|militants?|casualties|fatalities|members|of|more|other|were|have|had|military|civilian)$", RegexOptions.IgnoreCase)]
    private static partial Regex CountNouns();
}
