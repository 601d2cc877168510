using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>
/// What an article is about: the jurisdictions it names often enough (at least twice and at least
/// a tenth as often as the most named one), plus the watch's countries. A country named once in
/// passing, or mangled by a translation in a headline, is not a party to the events it reports.
/// </summary>
internal sealed class Focus
{
    private readonly HashSet<string> _ids;
    private readonly HashSet<string> _countries;

    private Focus(HashSet<string> ids, HashSet<string> countries)
    {
        _ids = ids;
        _countries = countries;
    }

    public IReadOnlyCollection<string> Countries => _countries;

    public static Focus Build(IEnumerable<IReadOnlyList<Mention>> mentions, IReadOnlyCollection<string>? watchCountries)
    {
        var counts = new Dictionary<string, (Place Place, int Count)>(StringComparer.Ordinal);
        foreach (var m in mentions.SelectMany(x => x))
        {
            counts[m.Place.Id] = (m.Place, counts.TryGetValue(m.Place.Id, out var c) ? c.Count + 1 : 1);
        }

        var max = counts.Count == 0 ? 0 : counts.Values.Max(c => c.Count);
        var focused = counts.Values.Where(c => c.Count >= 2 && c.Count * 10 >= max).Select(c => c.Place).ToList();
        var ids = focused.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var countries = focused.Where(p => p.Kind == PlaceKind.Country || p.Kind == PlaceKind.Side).Select(p => p.Country).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var code in watchCountries ?? [])
        {
            countries.Add(code.ToUpperInvariant());
            ids.Add("C:" + code.ToUpperInvariant());
        }

        return new Focus(ids, countries);
    }

    /// <summary>True when <paramref name="place"/> is a party or lies in the area the article is about.</summary>
    public bool Contains(Place place) => place.Kind switch
    {
        PlaceKind.Unknown => true,
        PlaceKind.City => _countries.Count == 0 || _countries.Contains(place.Country),
        PlaceKind.Country => _ids.Contains(place.Id),
        _ => _ids.Contains(place.Id) || _countries.Contains(place.Country),
    };
}
