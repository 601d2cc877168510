using System.Text.RegularExpressions;
using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>
/// Place slots: the names that fill "the town of X", "villages X, Y and Z", "in X". A name the
/// gazetteer lacks is accepted only in a clear slot (a place noun cue, or a list after a capture verb).
/// </summary>
public sealed partial class Detector
{
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "That", "These", "Those", "It", "Its",
        "President", "Prime", "Minister", "Ministry", "Defense", "Defence", "Army", "Armed", "Forces", "Government", "Parliament", "General",
        "Colonel", "Major", "Captain", "Lieutenant", "Sergeant", "State", "Department", "Council", "Security", "Foreign", "Interior", "Reuters", "AFP",
        "BBC", "CNN", "Today", "Tonight", "Yesterday", "Tomorrow", "Earlier", "Later", "Both", "All", "Some", "Many", "Several", "He", "She", "They", "We",
        "Twitter", "Facebook", "Telegram", "Picture", "Photo", "Video", "Read", "More", "Copyright", "Western", "Eastern", "Northern", "Southern", "Central",
        "Christmas", "Easter", "Ramadan", "God", "Allah", "International", "United", "National", "European", "Union", "Nations", "NATO", "UN", "EU",
    };

    /// <summary>Names in a place slot starting at <paramref name="from"/>: one, or a list when <paramref name="list"/>.</summary>
    private List<Place> SlotPlaces(string text, int from, bool list, bool unknownAllowed, Focus focus)
    {
        var result = new List<Place>();
        var m = SlotHead().Match(text, from);
        if (!m.Success || m.Index != from)
        {
            return result;
        }

        var cue = m.Groups["cue"].Success;
        var pos = m.Index + m.Length;
        // "six cities in Pakistan, including Bahawalpur and Muridke": a counted place noun without a
        // name, then the names it includes.
        var noun = m.Groups["cue"];
        var nounEnd = noun.Index + noun.Length;
        if (cue && list && noun.Value.EndsWith('s') && Including().Match(text, nounEnd) is { Success: true } including && including.Index == nounEnd)
        {
            pos = including.Index + including.Length;
        }

        while (true)
        {
            var item = SlotItem().Match(text, pos);
            if (!item.Success || item.Index != pos)
            {
                break;
            }

            var raw = item.Groups["name"].Value;
            var (name, possessive) = StripPossessive(raw);
            var after = text.AsSpan(item.Groups["name"].Index + item.Groups["name"].Length);
            if (possessive || after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal))
            {
                break; // "on Azerbaijan's behalf", "Karabakh's capital": a possessor, not the place hit
            }

            // Once a list has a known place, its other names are places too ("pounded Ariha and Maarat Misrin").
            var place = ResolveSlot(name, cue || item.Groups["itemcue"].Success || (list && unknownAllowed) || result.Any(p => p.Kind != PlaceKind.Unknown), focus);
            if (place is null)
            {
                break;
            }

            result.Add(place);
            pos = item.Index + item.Length;
            var sep = ListSeparator().Match(text, pos);
            if (!list || !sep.Success || sep.Index != pos)
            {
                break;
            }

            pos = sep.Index + sep.Length;
        }

        return result;
    }

    /// <summary>A slot name as a place: a jurisdiction, a gazetteer city (the article's area first), or an unknown place when a cue allows it.</summary>
    private Place? ResolveSlot(string name, bool unknownAllowed, Focus focus)
    {
        var first = name.Split(' ', '-')[0];
        if (NotPlaces.Contains(first) || NotPlaces.Contains(name))
        {
            return null;
        }

        var folded = TextFold.Fold(name);
        var candidates = _gazetteer.Find(name);
        var city = candidates
            .Where(p => p.Kind == PlaceKind.City)
            .OrderByDescending(p => focus.Countries.Contains(p.Country))
            .ThenByDescending(p => p.Population)
            .FirstOrDefault();
        var jurisdiction = _gazetteer.Jurisdiction(folded);
        if (jurisdiction is not null && (city is null || jurisdiction.Kind != PlaceKind.Country || !focus.Countries.Contains(city.Country)))
        {
            return jurisdiction;
        }

        if (city is not null)
        {
            return city;
        }

        return unknownAllowed && char.IsUpper(name[0]) ? Place.Unknown(name) : null;
    }

    [GeneratedRegex(@"\G\s*[“""]?(?:(?:the|a|an|its|their|several|some|many|parts\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+)?(?:(?:small|large|major|key|strategic|main|border|frontline|front-line|nearby|eastern|western|northern|southern|central|regional|second-largest|largest|besieged|embattled|occupied|historic|ancient|industrial|residential|capital|[\w]+-held|[\w]+-controlled|[\w]+-populated)\s+)*(?:(?<cue>towns?|city|cities|villages?|settlements?|regions?|districts?|provinces?|capital|port|hamlets?|outskirts|suburbs?|centre|center|areas?|townships?|neighbou?rhoods?|municipalit(?:y|ies)|parts)\s+(?:of\s+|called\s+|named\s+|around\s+|near\s+|in\s+)?)?[“""]?", RegexOptions.IgnoreCase)]
    private static partial Regex SlotHead();

    [GeneratedRegex(@"\G(?:(?:the\s+)?(?<itemcue>villages?|towns?|city|settlements?)\s+of\s+)?(?<name>\p{Lu}[\p{L}\p{M}'’]*(?:(?:-|\s)\p{Lu}[\p{L}\p{M}'’]*){0,3})[”""]?(?:\s+(?:village|town|city|settlement))?(?:\s+(?:of|in)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)?\s+(?:district|region|province|rayon|oblast|governorate|county))?")]
    private static partial Regex SlotItem();

    [GeneratedRegex(@"\G\s*(?:,\s*(?:and\s+)?|\s+and\s+)")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\G\s+(?:(?:in|across|of)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)?\s+)?(?:[a-z]+\s*)?,\s*(?:including|among\s+them|such\s+as)\s+")]
    private static partial Regex Including();
}
