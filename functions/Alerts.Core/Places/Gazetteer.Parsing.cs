using System.Globalization;
using System.Reflection;
using Alerts.Core.Text;

namespace Alerts.Core.Places;

/// <summary>Indexing and parsing of the gazetteer's lines.</summary>
public sealed partial class Gazetteer
{
    private static Gazetteer LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gazetteer resource {ResourceName} is missing; run 'node scripts/build-gazetteer.mjs'.");
        return Load(stream);
    }

    private void Index(int entry, string line)
    {
        var f = line.Split('\t');
        if (f.Length < 10)
        {
            throw new FormatException($"Gazetteer line {entry + 1} has {f.Length} fields, expected 10.");
        }

        var kind = f[1];
        var jurisdiction = kind is "C" or "S" or "R";
        AddName(f[6], entry, jurisdiction);
        foreach (var alias in Split(f[7]))
        {
            AddName(alias, entry, jurisdiction);
        }

        foreach (var demonym in Split(f[8]))
        {
            _jurisdictions.TryAdd(TextFold.Fold(demonym), entry);
        }

        if (kind == "C")
        {
            _countries[f[2]] = entry;
            foreach (var capital in Split(f[9]))
            {
                _capitals.TryAdd(TextFold.Fold(capital), f[2]);
            }
        }
    }

    private void AddName(string name, int entry, bool jurisdiction)
    {
        var key = TextFold.Fold(name);
        if (jurisdiction)
        {
            // A country's name outranks a region's; the first entry for a name wins.
            _jurisdictions.TryAdd(key, entry);
        }

        var next = _head.TryGetValue(key, out var head) ? head : -1;
        _chain.Add((entry, next));
        _head[key] = _chain.Count - 1;
    }

    private Place Get(int entry) => _parsed[entry] ??= Parse(_lines[entry]);

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
