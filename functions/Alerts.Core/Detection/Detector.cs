using Alerts.Core.Places;
using Alerts.Core.Text;

namespace Alerts.Core.Detection;

/// <summary>
/// Finds escalation indicators in an article: rules (data) find triggers in each sentence, subject
/// strategies find what or who they are about, context checks decide whether they are asserted, and
/// repeats in one article collapse to the strongest evidence. Thread-safe; create once.
/// </summary>
public sealed partial class Detector
{
    private readonly Gazetteer _gazetteer;
    private readonly RuleSet _rules;

    /// <summary>A detector over the embedded gazetteer and rules.</summary>
    public Detector()
        : this(Gazetteer.Default, RuleSet.Default)
    {
    }

    internal Detector(Gazetteer gazetteer, RuleSet rules)
    {
        _gazetteer = gazetteer;
        _rules = rules;
    }

    /// <summary>A detector whose rules come from <paramref name="rulesPath"/>; throws <see cref="RuleFileException"/> listing every bad rule.</summary>
    public static Detector WithRules(string rulesPath) => new(Gazetteer.Default, RuleSet.Load(rulesPath));

    /// <summary>Every indicator in the article, asserted or not, once per (type, subject), in text order.</summary>
    public IReadOnlyList<Indicator> Detect(ArticleInput article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = SentenceSplitter.Split(article.Text);
        var mentions = ResolveShared(sentences.Select(s => Mentions(s.Text)).ToList(), article.WatchCountries);
        var focus = Focus.Build(mentions, article.WatchCountries);
        var people = People(sentences, mentions);
        if (people.Count > 0)
        {
            mentions = ResolveShared(sentences.Select(s => Mentions(s.Text, people)).ToList(), article.WatchCountries);
        }

        var referenceYear = article.Published?.Year ?? DatelineYear(article.Text);
        var found = new List<Indicator>();
        var run = new bool[_rules.Rules.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var scope = new SentenceScope(sentences[i], mentions[i], focus, referenceYear);
            _rules.Candidates(scope.Sentence.Text, run);
            for (var r = 0; r < run.Length; r++)
            {
                if (run[r])
                {
                    Apply(_rules.Rules[r], scope, found);
                }
            }
        }

        return Collapse(found);
    }

    /// <summary>
    /// Names two jurisdictions share ("Congo", "Congolese") take the one the article names without
    /// ambiguity elsewhere ("the Democratic Republic of Congo", "Kinshasa"), else one of the watch's
    /// countries, else the gazetteer's default.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<Mention>> ResolveShared(IReadOnlyList<IReadOnlyList<Mention>> mentions, IReadOnlyCollection<string>? watchCountries)
    {
        if (!mentions.Any(ms => ms.Any(m => m.Shared is not null)))
        {
            return mentions;
        }

        var named = mentions.SelectMany(ms => ms).Where(m => m.Shared is null).Select(m => m.Place.Id).ToHashSet(StringComparer.Ordinal);
        Place? Choose(Mention m) =>
            m.Shared!.FirstOrDefault(p => named.Contains(p.Id))
            ?? m.Shared!.FirstOrDefault(p => watchCountries?.Contains(p.Country, StringComparer.OrdinalIgnoreCase) == true);
        return mentions
            .Select(ms => (IReadOnlyList<Mention>)ms.Select(m => m.Shared is not null && Choose(m) is { } chosen ? m with { Place = chosen } : m).ToList())
            .ToList();
    }

    private void Apply(Rule rule, SentenceScope scope, List<Indicator> found)
    {
        var text = scope.Sentence.Text;
        for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
        {
            if (rule.NotBefore is not null && rule.NotBefore.IsMatch(text.AsSpan(0, match.Index)))
            {
                continue;
            }

            if (rule.RequireNear is not null && !rule.RequireNear.IsMatch(text.AsSpan(match.Index + match.Length)))
            {
                continue;
            }

            var subjects = Subjects(rule, scope, match);
            if (subjects.Count == 0)
            {
                continue;
            }

            var (count, approximate) = Count(rule, text, match);
            var context = AssertionContext(text, match.Index, match.Index + match.Length) ?? (scope.IsHistorical ? DetectionContext.Historical : null);
            var claimedBy = scope.Claimant(match.Index);
            var category = rule.Type == "casualties" ? Category(match.Value) : null;
            foreach (var subject in subjects.DistinctBy(s => s.Id))
            {
                found.Add(new Indicator(
                    rule.Type, subject, count, approximate, category, scope.Sentence.Text, context is not null, context, claimedBy,
                    rule.Id, rule.Cameo, scope.Sentence.Start + match.Index));
            }
        }
    }

    /// <summary>One indicator per (type, subject): asserted beats negated, a count beats none, a body sentence beats a headline.</summary>
    private static List<Indicator> Collapse(List<Indicator> found)
    {
        // Text order of first mention, then the strongest evidence for each (type, subject).
        var best = new Dictionary<(string Type, string Subject), (Indicator Best, int FirstOffset)>();
        foreach (var f in found)
        {
            var key = (f.Type, f.Subject.Id);
            best[key] = best.TryGetValue(key, out var current)
                ? (Stronger(f, current.Best) ? f : current.Best, Math.Min(current.FirstOffset, f.Offset))
                : (f, f.Offset);
        }

        var result = new List<Indicator>(best.Count);
        foreach (var (indicator, first) in best.Values)
        {
            result.Add(indicator with { Offset = first });
        }

        return [.. result.OrderBy(i => i.Offset)]; // stable: ties keep the order of first mention
    }

    private static bool Stronger(Indicator a, Indicator b)
    {
        if (a.Negated != b.Negated)
        {
            return !a.Negated;
        }

        if (a.Count.HasValue != b.Count.HasValue)
        {
            return a.Count.HasValue;
        }

        if ((a.Count ?? 0) != (b.Count ?? 0))
        {
            return (a.Count ?? 0) > (b.Count ?? 0);
        }

        var headlineA = IsHeadlineLike(a.Evidence);
        return headlineA != IsHeadlineLike(b.Evidence) ? !headlineA : a.Offset < b.Offset;
    }

    private static bool IsHeadlineLike(string evidence) => !evidence.TrimEnd('"', '”', ' ').EndsWith('.');

    private static string? Category(string victims)
    {
        var v = victims.ToLowerInvariant();
        if (v.Contains("civilian", StringComparison.Ordinal) || v.Contains("people", StringComparison.Ordinal) || v.Contains("children", StringComparison.Ordinal)
            || v.Contains("women", StringComparison.Ordinal) || v.Contains("family", StringComparison.Ordinal) || v.Contains("residents", StringComparison.Ordinal))
        {
            return "civilian";
        }

        return v.Contains("soldier", StringComparison.Ordinal) || v.Contains("troop", StringComparison.Ordinal) || v.Contains("servicem", StringComparison.Ordinal)
            || v.Contains("service member", StringComparison.Ordinal) || v.Contains("military", StringComparison.Ordinal) || v.Contains("personnel", StringComparison.Ordinal)
            || v.Contains("fighter", StringComparison.Ordinal)
            ? "military"
            : null;
    }

    /// <summary>The facts about one sentence that every rule needs; those that do not depend on the match are worked out once.</summary>
    private sealed record SentenceScope(Sentence Sentence, IReadOnlyList<Mention> Mentions, Focus Focus, int? ReferenceYear)
    {
        private bool? _historical;
        private ClaimFacts? _claims;

        public bool IsHistorical => _historical ??= Detector.IsHistorical(Sentence.Text, ReferenceYear);

        public string? Claimant(int triggerStart) => (_claims ??= new ClaimFacts(Sentence.Text)).Claimant(triggerStart);
    }
}
