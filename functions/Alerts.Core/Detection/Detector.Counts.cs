using System.Text.RegularExpressions;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>Counts tied to an indicator: the victims' number, the troops sent, the aircraft downed.</summary>
public sealed partial class Detector
{
    private static (long? Count, bool Approximate) Count(Rule rule, string text, Match match)
    {
        NumberMention? n = rule.Count switch
        {
            "num" when match.Groups["num"].Success => NumberParser.Find(match.Groups["num"].Value).FirstOrDefault(),
            "inside" => Counts(match.Value).FirstOrDefault(),
            "after" => Counts(text[match.Index..Math.Min(text.Length, match.Index + match.Length + 40)]).FirstOrDefault(),
            "before" => Counts(text[Math.Max(0, match.Index - 25)..match.Index]).LastOrDefault(),
            "aircraft" => AircraftCount(match.Value),
            _ => null,
        };
        return n is null ? (null, false) : (n.Value, n.Approximate);
    }

    private static IEnumerable<NumberMention> Counts(string s) => NumberParser.Find(s).Where(n => !n.IsYear && !n.IsPercent);

    /// <summary>"2 helicopters and 3 drones" is 5; "a UAV" is 1.</summary>
    private static NumberMention? AircraftCount(string span)
    {
        long total = 0;
        var approximate = false;
        foreach (Match m in AircraftNumber().Matches(span))
        {
            var n = NumberParser.Find(m.Groups["n"].Value).FirstOrDefault();
            total += n?.Value ?? 1;
            approximate |= n?.Approximate ?? false;
        }

        return total > 0 ? new NumberMention(0, 0, total, approximate, false, false) : null;
    }

    [GeneratedRegex(@"(?<n>\b(?:\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|several)\b)\s+(?:[\w-]+\s+)?(?:helicopters?|drones?|UAVs?|unmanned\s+aerial\s+vehicles?|aircraft|planes?|jets?|warplanes?|bombers?|gunships?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AircraftNumber();
}
