using Alerts.Core.Detection;
using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>AnalyzeItem: detect indicators in a stored article and apply the watch's novelty; returns the alert events.</summary>
public sealed class ItemAnalyzer(PipelineConfig config, ArticleTextStore texts, SeenItemStore seen, Detector detector, NoveltyEngine novelty)
{
    /// <summary>The alert events the item produces (none for a repeat), and a line saying what happened.</summary>
    public async Task<(IReadOnlyList<AlertEvent> Alerts, string Summary)> AnalyzeAsync(ItemMessage item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var watch = config.Watch(item.Watch) ?? throw new InvalidOperationException($"watch '{item.Watch}' is not configured");
        var text = await texts.GetAsync(item.TextId, ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"article text {item.TextId} is missing");
        var indicators = detector.Detect(new ArticleInput(text, item.Published, watch.Watch.Countries));
        var article = new ArticleRef(item.Link ?? item.ItemKey, item.Source, item.Published, item.Link);
        var alerts = await novelty.ProcessAsync(watch.Watch, article, indicators, ct).ConfigureAwait(false);
        await seen.MarkDoneAsync(item.Watch, item.Feed, item.ItemKey, ct).ConfigureAwait(false);
        var stale = novelty.IsStale(article) ? $" (dated {item.Published:yyyy-MM-dd HH:mm}Z: too old to be news)" : "";
        return (alerts, $"{item.Link ?? item.ItemKey}: {indicators.Count(i => !i.Negated)} indicator(s), {alerts.Count} alert(s){stale}");
    }
}
