using System.Text.RegularExpressions;
using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>Subject strategies: who acted, what was hit, where, who suffered.</summary>
public sealed partial class Detector
{
    private const int AgentGap = 110;

    private List<Place> Subjects(Rule rule, SentenceScope scope, Match match)
    {
        foreach (var strategy in rule.Subject)
        {
            var places = strategy switch
            {
                "agent" => Agent(scope, match.Index),
                "object" => SlotPlaces(scope.Sentence.Text, match.Index + match.Length, list: true, unknownAllowed: false, scope.Focus),
                "list" => SlotPlaces(scope.Sentence.Text, match.Index + match.Length, list: true, unknownAllowed: true, scope.Focus),
                "location" => Location(scope, match.Index + match.Length),
                "passive" => Passive(scope, match.Index),
                "victim" => Victim(scope, match),
                "loser" => Loser(scope, match),
                "between" => Between(scope, match.Index + match.Length),
                "sole" => scope.Focus.Sole is { } sole ? [sole] : [],
                "reporter" => Reporter(scope, match.Index),
                "where" => Where(scope, match.Index),
                "opponent" => Opponent(scope, match.Index),
                _ => [],
            };
            places = places.Where(p => Fits(rule, p, scope.Focus)).ToList();
            if (places.Count > 0)
            {
                return places;
            }
        }

        return [];
    }

    /// <summary>Whether a subject suits the indicator: places hit must be places, actors must be jurisdictions, and parties must be in the article's focus.</summary>
    private static bool Fits(Rule rule, Place place, Focus focus)
    {
        var kindFits = rule.Type switch
        {
            "shelling" or "capture_claim" => place.Kind is not PlaceKind.Country,
            "troop_movement" or "prohibited_weapon" or "ceasefire" or "casualties" or "aircraft_downed" or "mobilization" => place.IsJurisdiction,
            _ => true,
        };
        return kindFits && (!rule.Focus || focus.Contains(place));
    }

    /// <summary>The actor before the trigger in its clause, with actors conjoined to it ("Armenia and the Karabakh authorities declared").</summary>
    private static List<Place> Agent(SentenceScope scope, int triggerStart)
    {
        var text = scope.Sentence.Text;
        var candidates = scope.Mentions;
        var before = 0;
        while (before < candidates.Count && candidates[before].End <= triggerStart)
        {
            before++;
        }

        for (var i = before - 1; i >= 0; i--)
        {
            var m = candidates[i];
            var gap = text.AsSpan(m.End, triggerStart - m.End);
            if (gap.Length > AgentGap || ClauseBreak().IsMatch(gap))
            {
                return [];
            }

            if (PrepositionBefore().IsMatch(Tail(text, m.Start)))
            {
                continue; // "troops from Syria", "accused by Baku": not the actor
            }

            // "A and B", "A, B and C": the gap next to the actor must hold "and"; a bare comma
            // ("…support Azerbaijan, Armenia restricts…") separates clauses, not conjoined actors.
            if (m.CapitalCity is not null && PlaceBefore().IsMatch(Tail(text, m.Start)))
            {
                return [m.CapitalCity]; // "authorities in Khartoum imposed…": the city, not the state
            }

            var result = new List<Place> { m.Place };
            for (var j = i - 1; j >= 0; j--)
            {
                var link = text.AsSpan(candidates[j].End, candidates[j + 1].Start - candidates[j].End);
                if (!Conjunction().IsMatch(link) || (j == i - 1 && !link.Contains("and", StringComparison.OrdinalIgnoreCase) && !link.Contains("as well", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }

                result.Add(candidates[j].Place);
            }

            return result;
        }

        return [];
    }

    private List<Place> Location(SentenceScope scope, int from)
    {
        var text = scope.Sentence.Text;
        // The place of an event follows it in its own clause: "…, the government in Yerevan said" is not it.
        var comma = text.IndexOf(", ", from, StringComparison.Ordinal);
        var end = ClauseEnd(text, from, 120);
        end = comma >= 0 && comma < end ? comma : end;
        foreach (var p in LocationPreposition().EnumerateMatches(text.AsSpan(0, Math.Max(end, from)), from))
        {
            var places = SlotPlaces(text, p.Index + p.Length, list: true, unknownAllowed: false, scope.Focus);
            if (places.Count > 0)
            {
                return places;
            }
        }

        return [];
    }

    /// <summary>The place a passive clause is about: the first place named in the clause ("…said Ganja, a city of 330,000, was under fire").</summary>
    private List<Place> Passive(SentenceScope scope, int triggerStart)
    {
        var text = scope.Sentence.Text;
        var start = 0;
        foreach (var b in ClauseStart().EnumerateMatches(text.AsSpan(0, triggerStart)))
        {
            start = b.Index + b.Length;
        }

        var clause = Parenthetical().Replace(text[start..triggerStart], m => new string(' ', m.Length));
        foreach (Match n in SlotName().Matches(clause))
        {
            var places = SlotPlaces(text, start + n.Index, list: false, unknownAllowed: n.Groups["cue"].Success, scope.Focus);
            if (places.Count > 0)
            {
                return places;
            }
        }

        return [];
    }

    /// <summary>Who suffered: a demonym in the victims' phrase, "in/of X" after it, or the speaker's own side for "its/their".</summary>
    private List<Place> Victim(SentenceScope scope, Match match)
    {
        var text = scope.Sentence.Text;
        // A demonym inside the victims' phrase ("100 Armenian soldiers") or right before it ("an Azerbaijani family of five").
        var inside = scope.Mentions.FirstOrDefault(m => m.Start >= match.Index && m.End <= match.Index + match.Length && !m.Possessive)
            ?? scope.Mentions.LastOrDefault(m => m.End <= match.Index && !m.Possessive && VictimModifierGap().IsMatch(text.AsSpan(m.End, match.Index - m.End)));
        if (inside is not null)
        {
            return [inside.Place];
        }

        var after = VictimPlace().Match(text, match.Index + match.Length);
        if (after.Success)
        {
            var places = SlotPlaces(text, after.Index + after.Length, list: false, unknownAllowed: false, scope.Focus);
            if (places.Count > 0)
            {
                return places.Select(p => p.Kind == PlaceKind.City ? _gazetteer.Country(p.Country) ?? p : p).ToList();
            }
        }

        return [];
    }

    /// <summary>
    /// Whose aircraft: a demonym on the aircraft, "in/over X" unless X is the claimant's own side
    /// (air defences intercept over their own territory), else another side named in the sentence.
    /// </summary>
    private List<Place> Loser(SentenceScope scope, Match match)
    {
        var inside = scope.Mentions.Where(m => m.Start >= match.Index && m.End <= match.Index + match.Length).ToList();
        if (inside.Count > 0)
        {
            return [inside[^1].Place];
        }

        var claimant = ClaimantSide(scope, match.Index);
        var location = Location(scope, match.Index + match.Length)
            .Select(p => p.Kind == PlaceKind.City ? _gazetteer.Country(p.Country) ?? p : p)
            .Where(p => p.Id != claimant?.Id)
            .ToList();
        if (location.Count > 0)
        {
            return location;
        }

        var other = scope.Mentions.FirstOrDefault(m => m.Place.Id != claimant?.Id && (claimant is null ? m.End <= match.Index : m.Start > match.Index - 200));
        return other is null ? [] : [other.Place];
    }

    /// <summary>In a two-party conflict, the side that is not the one making the claim.</summary>
    private static List<Place> Opponent(SentenceScope scope, int triggerStart)
    {
        var claimant = ClaimantSide(scope, triggerStart);
        var parties = scope.Focus.Parties;
        return claimant is not null && parties.Count == 2 && parties.Any(p => p.Id == claimant.Id)
            ? [parties.First(p => p.Id != claimant.Id)]
            : [];
    }

    private static Place? ClaimantSide(SentenceScope scope, int triggerStart) =>
        scope.Mentions.FirstOrDefault(m => m.End <= triggerStart && SpeechAfter().IsMatch(scope.Sentence.Text.AsSpan(m.End, triggerStart - m.End)))?.Place;

    /// <summary>The side that reports its own losses: an actor before the victims with a reporting verb between ("Armenia said 4 of its…", "the military confirmed that 12…").</summary>
    private static List<Place> Reporter(SentenceScope scope, int triggerStart)
    {
        var text = scope.Sentence.Text;
        var m = scope.Mentions.LastOrDefault(x => x.End <= triggerStart && ReportingVerb().IsMatch(text.AsSpan(x.End, triggerStart - x.End)));
        return m is null || PrepositionBefore().IsMatch(Tail(text, m.Start)) ? [] : [m.Place];
    }

    /// <summary>The country where the sentence's strike or fighting took place ("Airstrikes on Mekelle killed seven"): the country of the nearest town named in a place slot.</summary>
    private List<Place> Where(SentenceScope scope, int triggerStart)
    {
        var text = scope.Sentence.Text;
        // The place nearest before the deaths ("struck positions around Marib, killing 14"), then after.
        var slots = LocationPreposition().Matches(text).Cast<Match>().ToList();
        foreach (var p in slots.Where(p => p.Index < triggerStart).Reverse().Concat(slots.Where(p => p.Index >= triggerStart)))
        {
            // A country counts only after "in" ("struck six cities in Pakistan, killing 31"): after "on"
            // or "hit" it is usually a target's adjective ("a strike on Saudi oil facilities").
            var inCountry = p.Value.TrimEnd().Equals("in", StringComparison.OrdinalIgnoreCase);
            var city = SlotPlaces(text, p.Index + p.Length, list: false, unknownAllowed: false, scope.Focus)
                .FirstOrDefault(x => x.Kind is PlaceKind.City or PlaceKind.Region or PlaceKind.Side || (inCountry && x.Kind == PlaceKind.Country));
            if (city is not null)
            {
                return [city.Kind == PlaceKind.City ? _gazetteer.Country(city.Country) ?? city : city];
            }
        }

        return [];
    }

    private List<Place> Between(SentenceScope scope, int from)
    {
        var m = BetweenPattern().Match(scope.Sentence.Text, from);
        if (!m.Success || m.Index - from > 60)
        {
            return [];
        }

        return scope.Mentions.Where(x => x.Start >= m.Index && x.End <= m.Index + m.Length).Select(x => x.Place).ToList();
    }

    // The words just before `end`, enough for the end-anchored patterns that look at them
    // ("supported by the "), without scanning the whole sentence from its start.
    private static ReadOnlySpan<char> Tail(string text, int end)
    {
        const int Window = 48;
        if (end <= Window)
        {
            return text.AsSpan(0, end);
        }

        // Start at a word boundary so that a cut word cannot look like a whole one.
        var start = end - Window;
        while (start < end && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        return text.AsSpan(start, end - start);
    }

    private static int ClauseEnd(string text, int from, int max)
    {
        var m = ClauseBreak().Match(text, from);
        var end = m.Success ? m.Index : text.Length;
        return Math.Min(end, Math.Min(text.Length, from + max));
    }

    [GeneratedRegex(@";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bhowever\b|[“""]", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(?:from|against|with|to|by|on|into|toward|towards|at|over|between|urged|support(?:ing|s|ed)?|aid(?:ing)?|help(?:ing)?|backing|ally|allies|behalf\s+of)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PrepositionBefore();

    [GeneratedRegex(@"^\s*(?:(?:more|other|civilian|military|ethnic|young|elderly)\s+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex VictimModifierGap();

    [GeneratedRegex(@"^[^;]{0,90}?\b(?:said|says|say|reported|reports|confirmed|confirms|announced|acknowledged|admitted|stated|told|lost|suffered|put|puts)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingVerb();

    [GeneratedRegex(@"\b(?:in|at|near|across|throughout)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceBefore();

    [GeneratedRegex(@"^\s*(?:,\s*(?:and\s+)?|and\s+|,?\s*as\s+well\s+as\s+)(?:the\s+|both\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"\b(?:in|at|near|on|over|across|around|outside|inside|throughout|into|against|hit|hitting|struck|rocked|shook|targeted|targeting|pounded|shelled|bombed|attacked)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LocationPreposition();

    [GeneratedRegex(@"(?:\bthat\s+|\b(?:said|says|stated|reported|reports|claimed|claims|announced|confirmed|added)\s+|;\s*|:\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseStart();

    [GeneratedRegex(@"\s[-–—]\s[^-–—]*?\s[-–—]\s|\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?:(?<cue>\b(?:town|city|village|settlement|capital|district|region)\s+(?:of\s+|called\s+|named\s+)?))?\b\p{Lu}[\p{L}\p{M}'’-]*")]
    private static partial Regex SlotName();

    [GeneratedRegex(@"\G[^.;]{0,12}?\b(?:in|of|from)\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex VictimPlace();

    [GeneratedRegex(@"^[^.;]{0,80}\b(?:said|says|stated|claimed|claims|reported|announced|confirmed|told)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeechAfter();

    [GeneratedRegex(@"\bbetween\s+(?:the\s+)?[\p{L}\p{M}'’ -]{2,60}?\s+and\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s\p{Lu}[\p{L}\p{M}'’-]*)?")]
    private static partial Regex BetweenPattern();
}
