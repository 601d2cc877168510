using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>
/// What an article is about: the jurisdictions it names in enough sentences (at least two, and at
/// least a tenth as many as the most named one), plus the watch's countries. A country named once in
/// passing, or mangled by a translation in a headline, is not a party to the events it reports.
/// </summary>
internal sealed class Focus
{
    private readonly HashSet<string> _ids;
    private readonly HashSet<string> _countries;

    private Focus(HashSet<string> ids, HashSet<string> countries, Place? sole, IReadOnlyList<Place> parties)
    {
        _ids = ids;
        _countries = countries;
        Sole = sole;
        Parties = parties;
    }

    /// <summary>The countries and breakaway authorities the article is about, most named first.</summary>
    public IReadOnlyList<Place> Parties { get; }

    /// <summary>The one country the article is about, when it is about one only (an internal conflict).</summary>
    public Place? Sole { get; }

    public IReadOnlyCollection<string> Countries => _countries;

    public static Focus Build(IEnumerable<IReadOnlyList<Mention>> mentions, IReadOnlyCollection<string>? watchCountries)
    {
        var counts = new Dictionary<string, (Place Place, int Count)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Sentences naming a place, not names: a list of countries in one sentence is one mention each.
        foreach (var sentence in mentions)
        {
            seen.Clear();
            foreach (var mention in sentence)
            {
                var place = mention.Place;
                if (seen.Add(place.Id))
                {
                    counts[place.Id] = (place, counts.TryGetValue(place.Id, out var c) ? c.Count + 1 : 1);
                }
            }
        }

        var max = counts.Count == 0 ? 0 : counts.Values.Max(c => c.Count);
        // A short text that names every place once is about all of them.
        var minimum = max >= 2 ? 2 : 1;
        var focused = counts.Values.Where(c => c.Count >= minimum && c.Count * 10 >= max).Select(c => c.Place).ToList();
        var ids = focused.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var countries = focused.Select(p => p.Country).Where(c => c.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var focusedCountries = focused.Where(p => p.Kind == PlaceKind.Country).ToList();
        var sole = focusedCountries.Count == 1 && (watchCountries is null || watchCountries.Count <= 1) ? focusedCountries[0] : null;
        foreach (var code in watchCountries ?? [])
        {
            countries.Add(code.ToUpperInvariant());
            ids.Add("C:" + code.ToUpperInvariant());
        }

        var parties = focused.Where(p => p.Kind is PlaceKind.Country or PlaceKind.Side).OrderByDescending(p => counts[p.Id].Count).ToList();
        return new Focus(ids, countries, sole, parties);
    }

    /// <summary>True when <paramref name="place"/> may be a subject: a town, or a party the article is about.</summary>
    public bool Contains(Place place) => place.Kind switch
    {
        // A named town in a clear slot ("struck Rafah") is strong evidence on its own; ambiguous
        // names were already resolved towards the focus countries.
        PlaceKind.Unknown or PlaceKind.City => true,
        PlaceKind.Country => _ids.Contains(place.Id),
        _ => _ids.Contains(place.Id) || _countries.Contains(place.Country),
    };
}
