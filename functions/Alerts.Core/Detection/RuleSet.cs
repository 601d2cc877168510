using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Core.Detection;

/// <summary>
/// The detection rules: a versioned JSON file embedded in the assembly (Detection/Data/rules.json)
/// or supplied from configuration. Loading validates every rule and reports each bad one with its
/// id and the reason, so that an editor's mistake stops start-up with a message rather than
/// silently dropping a phrasing.
/// </summary>
internal sealed class RuleSet
{
    public const int SupportedVersion = 1;
    private static readonly string[] Strategies = ["agent", "object", "location", "list", "passive", "victim", "loser", "between", "sole", "reporter", "where", "opponent"];
    private static readonly string[] Counts = ["inside", "before", "after", "num", "aircraft"];
    private static readonly Lazy<RuleSet> Embedded = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Alerts.Core.Detection.Data.rules.json")
            ?? throw new InvalidOperationException("The embedded rules.json is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "embedded rules.json");
    });

    private const int KeywordPrefix = 3;

    // Keywords by their first three characters: an array slot when those are ASCII letters (the
    // common case, one index computation per word), a dictionary for anything else.
    private readonly (string Keyword, int Rule)[]?[] _keywordsByLetters = new (string, int)[]?[26 * 26 * 26];
    private readonly Dictionary<string, (string Keyword, int Rule)[]> _keywordsByOtherPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Keyword, int Rule)[]>.AlternateLookup<ReadOnlySpan<char>> _otherPrefixLookup;
    private readonly bool[] _alwaysRun;

    // ASCII first characters (lower-cased) of the prefixes in _keywordsByOtherPrefix: most short words
    // ("of", "a", "in") start with none of them and skip that lookup.
    private readonly bool[] _otherFirst = new bool[128];

    private RuleSet(int version, IReadOnlyList<Rule> rules)
    {
        Version = version;
        Rules = rules;
        _alwaysRun = new bool[rules.Count];
        _otherPrefixLookup = _keywordsByOtherPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < rules.Count; i++)
        {
            _alwaysRun[i] = rules[i].Keywords.Count == 0;
            foreach (var keyword in rules[i].Keywords)
            {
                var slot = LetterSlot(keyword);
                if (slot >= 0)
                {
                    _keywordsByLetters[slot] = [.. _keywordsByLetters[slot] ?? [], (keyword, i)];
                }
                else
                {
                    var prefix = keyword[..KeywordPrefix];
                    if (prefix[0] < 128)
                    {
                        _otherFirst[prefix[0] | 0x20] = true;
                    }

                    _keywordsByOtherPrefix[prefix] = [.. _keywordsByOtherPrefix.GetValueOrDefault(prefix, []), (keyword, i)];
                }
            }
        }
    }

    // The slot of a word's first three characters when they are ASCII letters (either case), else -1.
    private static int LetterSlot(ReadOnlySpan<char> s)
    {
        int a = (s[0] | 0x20) - 'a', b = (s[1] | 0x20) - 'a', c = (s[2] | 0x20) - 'a';
        return (uint)a < 26 && (uint)b < 26 && (uint)c < 26 ? (a * 26 + b) * 26 + c : -1;
    }

    /// <summary>
    /// Marks in <paramref name="sentence"/> the rules whose keywords start a word of the sentence
    /// (compared ignoring case), in one pass over its words.
    /// </summary>
    public void Candidates(ReadOnlySpan<char> sentence, bool[] run)
    {
        Array.Copy(_alwaysRun, run, run.Length);
        var i = 0;
        while (i < sentence.Length)
        {
            if (!IsLetter(sentence[i]))
            {
                i++;
                continue;
            }

            // i starts a word.
            if (i + KeywordPrefix <= sentence.Length)
            {
                var rest = sentence[i..];
                var slot = LetterSlot(rest);
                (string Keyword, int Rule)[]? list;
                if (slot >= 0)
                {
                    list = _keywordsByLetters[slot];
                }
                else
                {
                    var first = rest[0] | 0x20;
                    list = first < 128 && !_otherFirst[first] ? null : OtherPrefix(rest);
                }

                if (list is not null)
                {
                    foreach (var (keyword, rule) in list)
                    {
                        if (!run[rule] && rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                        {
                            run[rule] = true;
                        }
                    }
                }
            }

            do
            {
                i++;
            }
            while (i < sentence.Length && IsLetter(sentence[i]));
        }
    }

    // The rare keyword prefix that is not three ASCII letters. Kept out of Candidates: a stackalloc
    // there would keep the hot loop from tiering up (no on-stack replacement with localloc).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private (string Keyword, int Rule)[]? OtherPrefix(ReadOnlySpan<char> word)
    {
        Span<char> prefix = stackalloc char[KeywordPrefix];
        word[..KeywordPrefix].ToLowerInvariant(prefix);
        return _otherPrefixLookup.TryGetValue(prefix, out var other) ? other : null;
    }

    private static bool IsLetter(char c) => char.IsAscii(c) ? char.IsAsciiLetter(c) : char.IsLetter(c);

    public static RuleSet Default => Embedded.Value;

    public int Version { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public static RuleSet Load(string path) => Parse(File.ReadAllText(path), path);

    public static RuleSet Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RuleFileException($"{source}: not valid JSON ({ex.Message}).");
        }

        using (doc)
        {
            var root = doc.RootElement;
            var problems = new List<string>();
            var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 0;
            if (version != SupportedVersion)
            {
                problems.Add($"version must be {SupportedVersion}, found {(version == 0 ? "none" : version)}");
            }

            var macros = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("macros", out var m))
            {
                foreach (var p in m.EnumerateObject())
                {
                    macros[p.Name] = p.Value.GetString() ?? "";
                }
            }

            var indicators = new Dictionary<string, (string Cameo, bool Focus)>(StringComparer.Ordinal);
            if (root.TryGetProperty("indicators", out var ind))
            {
                foreach (var p in ind.EnumerateObject())
                {
                    indicators[p.Name] = (p.Value.TryGetProperty("cameo", out var c) ? c.GetString() ?? "" : "", p.Value.TryGetProperty("focus", out var f) && f.GetBoolean());
                }
            }

            var rules = new List<Rule>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add("'rules' must be an array");
            }
            else
            {
                var index = 0;
                foreach (var r in list.EnumerateArray())
                {
                    var rule = ParseRule(r, index++, macros, indicators, ids, problems);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }

            if (problems.Count > 0)
            {
                throw new RuleFileException($"{source} has {problems.Count} problem(s):\n  - " + string.Join("\n  - ", problems));
            }

            return new RuleSet(version, rules);
        }
    }

    private static Rule? ParseRule(JsonElement r, int index, Dictionary<string, string> macros, Dictionary<string, (string Cameo, bool Focus)> indicators, HashSet<string> ids, List<string> problems)
    {
        var id = r.TryGetProperty("id", out var idEl) ? idEl.GetString() : null;
        var name = id ?? $"#{index + 1}";
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"rule {name}: missing 'id'");
        }
        else if (!ids.Add(id))
        {
            problems.Add($"rule {name}: duplicate id");
        }

        var type = r.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (!IndicatorType.All.Contains(type))
        {
            problems.Add($"rule {name}: unknown type '{type}' (expected one of {string.Join(", ", IndicatorType.All)})");
        }

        var subject = r.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        if (subject.Count == 0)
        {
            problems.Add($"rule {name}: 'subject' must list at least one strategy ({string.Join(", ", Strategies)})");
        }

        foreach (var bad in subject.Where(x => !Strategies.Contains(x)))
        {
            problems.Add($"rule {name}: unknown subject strategy '{bad}'");
        }

        var count = r.TryGetProperty("count", out var c) ? c.GetString() : null;
        if (count is not null && !Counts.Contains(count))
        {
            problems.Add($"rule {name}: unknown count mode '{count}' (expected {string.Join(", ", Counts)})");
        }

        var keywords = r.TryGetProperty("keywords", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [];
        foreach (var bad in keywords.Where(x => x.Length < KeywordPrefix || x != x.ToLowerInvariant() || !char.IsLetter(x[0])))
        {
            problems.Add($"rule {name}: keyword '{bad}' must be lower-case text of at least {KeywordPrefix} characters starting with a letter");
        }

        var pattern = Compile(r, "pattern", name, macros, problems, required: true);
        var notBefore = Compile(r, "notBefore", name, macros, problems, required: false);
        var near = Compile(r, "requireNear", name, macros, problems, required: false);
        if (problems.Count > before)
        {
            return null;
        }

        var (cameo, focus) = indicators.GetValueOrDefault(type, ("", false));
        return new Rule(id!, type, pattern!, subject, count, notBefore, near, cameo, focus, keywords);
    }

    private static Regex? Compile(JsonElement r, string property, string name, Dictionary<string, string> macros, List<string> problems, bool required)
    {
        if (!r.TryGetProperty(property, out var p) || string.IsNullOrWhiteSpace(p.GetString()))
        {
            if (required)
            {
                problems.Add($"rule {name}: missing '{property}'");
            }

            return null;
        }

        var text = p.GetString()!;
        var unknown = new List<string>();
        var expanded = Regex.Replace(text, @"(?<!\\[pP])\{([A-Z_]+)\}", mm => macros.TryGetValue(mm.Groups[1].Value, out var value) ? value : Unknown(mm.Value, unknown));
        foreach (var u in unknown)
        {
            problems.Add($"rule {name}: unknown macro {u} in '{property}'");
        }

        try
        {
            // No match timeout: sentences are capped at SentenceSplitter.MaxSentenceLength, which bounds
            // the work, and a timeout check costs a tenth of the detector's time.
            return new Regex(expanded, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"rule {name}: '{property}' is not a valid regular expression ({ex.Message})");
            return null;
        }
    }

    private static string Unknown(string macro, List<string> unknown)
    {
        unknown.Add(macro);
        return macro;
    }
}
