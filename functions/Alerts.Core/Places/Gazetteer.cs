using System.IO.Compression;
using System.Text;
using Alerts.Core.Text;

namespace Alerts.Core.Places;

/// <summary>
/// Countries (world-countries), cities of 1,000 people or more (GeoNames cities1000) and a curated
/// overlay of regions and exonyms, from the compact file <c>scripts/build-gazetteer.mjs</c> writes:
/// the entry lines and a sorted index of folded names, both kept as one string each and searched in
/// place. Loading therefore costs one decompression and a scan for line ends; entries are parsed
/// into <see cref="Place"/> only when a name matches (it runs in serverless cold starts).
/// </summary>
public sealed partial class Gazetteer
{
    private const string ResourceName = "Alerts.Core.Detection.Data.gazetteer.tsv.gz";
    private const string Magic = "#alerts-gazetteer";
    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded);

    private readonly string _text;
    private readonly int[] _entryStarts;
    private readonly int[] _keyStarts;
    private readonly Place?[] _parsed;
    private readonly Dictionary<string, int> _jurisdictions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _capitals = new(StringComparer.Ordinal);

    // Jurisdiction names that denote more than one jurisdiction, with every entry they denote (the default first).
    private readonly Dictionary<string, List<int>> _sharedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    // The first word of each jurisdiction name, demonym and capital, with the most words a name starting with it has.
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    private Gazetteer(string text, int[] entryStarts, int[] keyStarts)
    {
        _text = text;
        _entryStarts = entryStarts;
        _keyStarts = keyStarts;
        _parsed = new Place?[entryStarts.Length - 1];
        for (var i = 0; i < Count; i++)
        {
            IndexJurisdiction(i);
        }
    }

    /// <summary>The gazetteer embedded in this assembly, loaded once per process.</summary>
    public static Gazetteer Default => Embedded.Value;

    /// <summary>Number of entries.</summary>
    public int Count => _entryStarts.Length - 1;

    /// <summary>Loads a gazetteer from a gzip'd stream in the build script's format.</summary>
    public static Gazetteer Load(Stream gzip)
    {
        using var unzip = new GZipStream(gzip, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var headerEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var header = headerEnd < 0 ? [] : text[..headerEnd].Split('\t');
        if (header.Length != 4 || header[0] != Magic || header[1] != "2"
            || !int.TryParse(header[2], out var entries) || !int.TryParse(header[3], out var keys))
        {
            throw new FormatException("Not a version 2 gazetteer file; rebuild it with 'node scripts/build-gazetteer.mjs'.");
        }

        var entryStarts = new int[entries + 1];
        var keyStarts = new int[keys + 1];
        var pos = headerEnd + 1;
        for (var i = 0; i < entries + keys; i++)
        {
            if (i < entries)
            {
                entryStarts[i] = pos;
            }
            else
            {
                keyStarts[i - entries] = pos;
            }

            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                throw new FormatException($"Gazetteer file is truncated at line {i + 2} of {entries + keys + 1}.");
            }

            pos = end + 1;
            if (i == entries - 1)
            {
                entryStarts[entries] = pos;
            }
        }

        keyStarts[keys] = pos;
        return new Gazetteer(text, entryStarts, keyStarts);
    }

    /// <summary>Entry number <paramref name="entry"/> (0 ≤ entry &lt; <see cref="Count"/>), for tools and tests.</summary>
    public Place Entry(int entry) => Get(entry);

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

    /// <summary>
    /// Every jurisdiction a folded name denotes when it denotes more than one ("Congo": the Democratic
    /// Republic and the Republic), the one <see cref="Jurisdiction"/> returns first; empty otherwise.
    /// </summary>
    public IReadOnlyList<Place> SharedName(string folded)
    {
        if (_sharedNames.TryGetValue(folded, out var entries)
            || (folded.Length > 4 && folded[^1] == 's' && !_jurisdictions.ContainsKey(folded) && _sharedNames.TryGetValue(folded[..^1], out entries)))
        {
            return entries.Select(Get).ToList();
        }

        return [];
    }

    /// <summary>
    /// True when a folded word can begin a jurisdiction's name, demonym or capital, so that a scan
    /// of a sentence tries longer spans only from such words.
    /// </summary>
    public bool CanStartJurisdiction(ReadOnlySpan<char> foldedWord) => JurisdictionWords(foldedWord) > 0;

    /// <summary>The most words a jurisdiction's name, demonym or capital starting with <paramref name="foldedWord"/> has; 0 when none starts with it.</summary>
    public int JurisdictionWords(ReadOnlySpan<char> foldedWord) =>
        _firstWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(foldedWord, out var words) ? words : 0;

    private void AddFirstWord(string key)
    {
        var words = key.Split(' ');
        _firstWords[words[0]] = Math.Max(words.Length, _firstWords.GetValueOrDefault(words[0]));
    }

    /// <summary>The country whose capital is named <paramref name="folded"/>, for metonyms ("Baku said").</summary>
    public Place? CountryOfCapital(string folded) =>
        _capitals.TryGetValue(folded, out var iso) ? Country(iso) : null;

    /// <summary>Every entry a name denotes.</summary>
    public IReadOnlyList<Place> Find(string name)
    {
        var key = TextFold.Fold(name);
        var result = new List<Place>();
        for (var k = LowerBound(key); k < _keyStarts.Length - 1 && KeyOf(k).SequenceEqual(key); k++)
        {
            result.Add(Get(EntryOf(k)));
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

    private int LowerBound(string key)
    {
        int lo = 0, hi = _keyStarts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (KeyOf(mid).SequenceCompareTo(key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private ReadOnlySpan<char> KeyOf(int k)
    {
        var line = _text.AsSpan(_keyStarts[k], _keyStarts[k + 1] - _keyStarts[k] - 1);
        return line[..line.IndexOf('\t')];
    }

    private int EntryOf(int k)
    {
        var line = _text.AsSpan(_keyStarts[k], _keyStarts[k + 1] - _keyStarts[k] - 1);
        return int.Parse(line[(line.IndexOf('\t') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
