using System.Globalization;
using System.Reflection;
using Alerts.Core.Text;

namespace Alerts.Core.Places;

/// <summary>Parsing entries, and the small in-memory maps of jurisdictions, demonyms and capitals.</summary>
public sealed partial class Gazetteer
{
    private static Gazetteer LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gazetteer resource {ResourceName} is missing; run 'node scripts/build-gazetteer.mjs'.");
        return Load(stream);
    }

    private ReadOnlySpan<char> Line(int entry) =>
        _text.AsSpan(_entryStarts[entry], _entryStarts[entry + 1] - _entryStarts[entry] - 1);

    // Countries, regions and breakaway authorities come first in the file and are few: their names,
    // aliases, demonyms and capitals go into dictionaries. Cities are only in the sorted index.
    private void IndexJurisdiction(int entry)
    {
        var line = Line(entry);
        var kindStart = line.IndexOf('\t') + 1;
        var kind = line[kindStart];
        if (kind is not ('C' or 'S' or 'R'))
        {
            return;
        }

        var f = line.ToString().Split('\t');
        foreach (var name in Split(f[7]).Prepend(f[6]).Concat(Split(f[8])))
        {
            var key = TextFold.Fold(name);
            if (!_jurisdictions.TryAdd(key, entry) && _jurisdictions[key] != entry)
            {
                // A name two jurisdictions share ("Congo", "Congolese"): the article decides.
                var shared = _sharedNames.TryGetValue(key, out var list) ? list : _sharedNames[key] = [_jurisdictions[key]];
                if (!shared.Contains(entry))
                {
                    shared.Add(entry);
                }
            }

            AddFirstWord(key);
        }

        if (kind == 'C')
        {
            _countries[f[2]] = entry;
            foreach (var capital in Split(f[9]))
            {
                var key = TextFold.Fold(capital);
                _capitals.TryAdd(key, f[2]);
                AddFirstWord(key);
            }
        }
    }

    private Place Get(int entry) => _parsed[entry] ??= Parse(Line(entry).ToString());

    private static Place Parse(string line)
    {
        var f = line.Split('\t');
        var kind = f[1] switch
        {
            "C" => PlaceKind.Country,
            "S" => PlaceKind.Side,
            "R" => PlaceKind.Region,
            _ => PlaceKind.City,
        };
        return new Place(
            f[0],
            f[6],
            kind,
            f[2],
            double.Parse(f[3], CultureInfo.InvariantCulture),
            double.Parse(f[4], CultureInfo.InvariantCulture),
            long.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) ? pop : 0,
            Split(f[7]),
            Split(f[8]));
    }

    private static string[] Split(string field) =>
        field.Length == 0 ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
