using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Situation;

/// <summary>
/// A conflict to follow: a name, its countries (ISO codes) and optional extra places that belong to
/// its area although they lie in another country (a border region, an exclave), by name or gazetteer id.
/// </summary>
public sealed record Watch(string Name, IReadOnlyList<string> Countries, IReadOnlyList<string>? Places = null)
{
    /// <summary>A stable id for keys and alert ids.</summary>
    public string Id => string.Concat(Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>True when <paramref name="place"/> is in the watch's area: in one of its countries, or one of its extra places.</summary>
    public bool Covers(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (place.Country.Length == 0 || Countries.Contains(place.Country, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var extra in Places ?? [])
        {
            if (string.Equals(extra, place.Id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var folded = TextFold.Fold(extra);
            if (TextFold.Fold(place.Name) == folded || place.Aliases.Any(a => TextFold.Fold(a) == folded))
            {
                return true;
            }
        }

        return false;
    }
}
