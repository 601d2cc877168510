using Alerts.Core.Feeds;

namespace Alerts.Core.Pipeline;

/// <summary>
/// PollFeed: fetch (conditional GET, back-off), parse, keep the items not seen before, store their
/// text and return one item message each. The feed state is saved with its ETag guard; a poll that
/// lost a race to another instance changes nothing.
/// </summary>
public sealed class FeedPoller(PipelineConfig config, FeedStateStore states, SeenItemStore seen, ArticleTextStore texts, FeedFetcher fetcher, FeedReader reader)
{
    /// <summary>Summaries shorter than this are teasers when the feed asks for full text.</summary>
    public const int TeaserLength = 600;

    /// <summary>The new items of the feed, and a line saying what happened.</summary>
    public async Task<(IReadOnlyList<ItemMessage> Items, string Summary)> PollAsync(FeedPoll poll, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var watch = config.Watch(poll.Watch) ?? throw new InvalidOperationException($"watch '{poll.Watch}' is not configured");
        var feed = watch.Feeds.FirstOrDefault(f => f.Id == poll.Feed) ?? throw new InvalidOperationException($"feed '{poll.Feed}' is not configured in watch '{poll.Watch}'");
        var stateId = FeedScheduler.StateId(watch.Watch.Id, feed.Id);
        var stored = await states.GetAsync(stateId, ct).ConfigureAwait(false);
        var state = stored?.State ?? new FeedState(feed.Url); // the stored URL may be a permanent redirect's target

        var result = await fetcher.FetchAsync(state, ct).ConfigureAwait(false);
        var items = new List<ItemMessage>();
        var summary = $"{feed.Id}: {result.Status}" + (result.Error is null ? "" : $" ({result.Error})");
        if (result.Status == FetchStatus.Fetched && result.Body is { } body)
        {
            var doc = reader.Parse(body, result.Charset);
            if (doc.Error is not null)
            {
                result = result with { State = result.State with { LastError = doc.Error } };
                summary = $"{feed.Id}: unreadable ({doc.Error})";
            }

            foreach (var entry in doc.Entries)
            {
                var key = ItemIdentity.Key(entry, feed.Url);
                if (!await seen.ShouldQueueAsync(watch.Watch.Id, feed.Id, key, ct).ConfigureAwait(false))
                {
                    continue;
                }

                var lead = FeedText.ToPlain(entry.Content ?? entry.Summary);
                if (feed.FullText && entry.Content is null && lead.Length < TeaserLength && await FullTextAsync(entry.Link, ct).ConfigureAwait(false) is { Length: > 0 } full)
                {
                    lead = full; // the feed carries a teaser: analyse the article page's main text
                }

                var text = string.Join("\n\n", new[] { entry.Title, lead }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var textId = await texts.PutAsync(text, ct).ConfigureAwait(false);
                items.Add(new ItemMessage(1, watch.Watch.Id, feed.Id, key, textId, UrlNormalizer.Outlet(entry.Link) ?? UrlNormalizer.Outlet(feed.Url) ?? feed.Id, entry.Link, entry.Published ?? entry.Updated ?? DateTimeOffset.UtcNow));
            }

            summary += $", {doc.Entries.Count} entries, {items.Count} new";
        }

        if (result.Status != FetchStatus.Skipped)
        {
            await states.SaveAsync(stateId, result.State, stored?.ETag, ct).ConfigureAwait(false);
        }

        return (items, summary);
    }

    // The article page, fetched with the same safety limits as feeds; empty when it cannot be read.
    private async Task<string> FullTextAsync(string? link, CancellationToken ct)
    {
        if (link is null)
        {
            return "";
        }

        var page = await fetcher.FetchAsync(new FeedState(link), ct).ConfigureAwait(false);
        if (page.Body is null)
        {
            return "";
        }

        var (html, _) = FeedDecoding.Decode(page.Body, page.Charset);
        return ArticleExtractor.Extract(html);
    }
}
