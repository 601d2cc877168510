using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Detection;

namespace Alerts.Core.Situation;

/// <summary>
/// Decides which indicators are news for a watch. The first report of a (type, subject) is
/// <c>new</c> (a ceasefire after recent fighting is a <c>flip</c>); a count well past the last
/// alerted figure is <c>escalated</c>; a report from another outlet within the window
/// <c>corroborates</c>; anything else only refreshes the state. Writes are conditional and retried
/// on conflict, so redelivered or concurrently processed items never create a second alert.
/// Time is the article's own (its publication date), checked against the engine's clock: a date in
/// the future (a feed's clock running ahead) counts as now, and a report older than
/// <see cref="NoveltyOptions.MaxArticleAge"/> is not news.
/// </summary>
public sealed class NoveltyEngine(ISituationStore store, NoveltyOptions? options = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private const int MaxAttempts = 8;
    private static readonly string[] Fighting = ["shelling", "casualties", "capture_claim", "aircraft_downed"];
    private readonly NoveltyOptions _options = Validated(options ?? new NoveltyOptions());

    /// <summary>The alert events the article's asserted indicators produce, in order.</summary>
    public async Task<IReadOnlyList<AlertEvent>> ProcessAsync(Watch watch, ArticleRef article, IReadOnlyList<Indicator> indicators, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(article);
        var now = _time.GetUtcNow();
        if (IsStale(article))
        {
            return [];
        }

        article = article.Published > now ? article with { Published = now } : article;
        var events = new List<AlertEvent>();
        foreach (var indicator in indicators.Where(i => !i.Negated))
        {
            var e = await ApplyAsync(watch, article, indicator, ct).ConfigureAwait(false);
            if (e is not null)
            {
                events.Add(e);
            }
        }

        return events;
    }

    /// <summary>True when the article is too old to be news (<see cref="NoveltyOptions.MaxArticleAge"/>).</summary>
    public bool IsStale(ArticleRef article) => _time.GetUtcNow() - article.Published > _options.MaxArticleAge;

    /// <summary>The situation key of an indicator.</summary>
    public static string Key(Indicator indicator) => $"{indicator.Type}|{indicator.Subject.Id}";

    private async Task<AlertEvent?> ApplyAsync(Watch watch, ArticleRef article, Indicator indicator, CancellationToken ct)
    {
        var key = Key(indicator);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(watch.Id, key, ct).ConfigureAwait(false);
            if (current is null)
            {
                var kind = indicator.Type == "ceasefire" && await RecentFightingAsync(watch, article.Published, ct).ConfigureAwait(false) ? AlertKind.Flip : AlertKind.New;
                var alertId = Id(watch.Id, key);
                var entry = new SituationEntry(alertId, article.Published, article.Published, indicator.Count, [article.Source], indicator.Subject.Country);
                if (await store.TryWriteAsync(watch.Id, key, entry, null, ct).ConfigureAwait(false))
                {
                    return Event(alertId, kind, watch, article, indicator, 1);
                }

                continue; // someone else created it first: re-read
            }

            var (existing, version) = current.Value;
            var newSource = !existing.Sources.Contains(article.Source, StringComparer.OrdinalIgnoreCase)
                && article.Published - existing.LastSeen <= _options.CorroborationWindow;
            var escalated = indicator.Count is { } count && existing.AlertedCount is { } last
                && count >= last * _options.EscalationFactor && count - last >= _options.EscalationMinimumIncrease;
            var baseline = existing.AlertedCount is null && indicator.Count is not null; // the first figure is the baseline, not an escalation
            var sources = newSource ? existing.Sources.Append(article.Source).ToList() : existing.Sources;
            var updated = existing with
            {
                LastSeen = article.Published > existing.LastSeen ? article.Published : existing.LastSeen,
                AlertedCount = escalated || baseline ? indicator.Count : existing.AlertedCount,
                Sources = sources,
            };
            if (!newSource && !escalated && !baseline && updated.LastSeen == existing.LastSeen)
            {
                return null; // nothing new: a repeat from the same outlet
            }

            if (!await store.TryWriteAsync(watch.Id, key, updated, version, ct).ConfigureAwait(false))
            {
                continue; // lost a race: re-read and decide again
            }

            return escalated
                ? Event(Id(watch.Id, key, $"escalated:{indicator.Count}"), AlertKind.Escalated, watch, article, indicator, sources.Count)
                : newSource
                    ? Event(Id(watch.Id, key, $"corroborated:{article.Source}"), AlertKind.Corroborated, watch, article, indicator, sources.Count)
                    : null;
        }

        throw new InvalidOperationException($"situation {watch.Id}/{key}: gave up after {MaxAttempts} conflicting writes");
    }

    private async Task<bool> RecentFightingAsync(Watch watch, DateTimeOffset at, CancellationToken ct)
    {
        var entries = await store.ListAsync(watch.Id, ct).ConfigureAwait(false);
        return entries.Any(e => Fighting.Contains(e.Key.Split('|')[0]) && at - e.Entry.LastSeen <= _options.FlipWindow);
    }

    private static AlertEvent Event(string id, string kind, Watch watch, ArticleRef article, Indicator indicator, int sources) =>
        new(id, watch.Id, kind, indicator.Type, indicator.Subject.Name, indicator.Subject.Id, indicator.Subject.Country.Length == 0 ? null : indicator.Subject.Country,
            indicator.Count, SeverityRules.Of(indicator, watch, sources), sources, article.Id, article.Link, indicator.Evidence, indicator.ClaimedBy, article.Published);

    // Deterministic ids: the same situation and change always get the same id.
    private static string Id(string watch, string key, string? change = null)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{watch}\n{key}\n{change}"));
        return "al_" + Convert.ToHexStringLower(hash)[..24];
    }

    private static NoveltyOptions Validated(NoveltyOptions options)
    {
        options.Validate();
        return options;
    }
}
