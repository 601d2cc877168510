using System.Text;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Testing;

namespace Alerts.Storage.Tests.Tables;

/// <summary>PollFeed's use case on Azurite tables and a local feed server: new items once, full text for teasers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedPollerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Poll_TeaserFeedWithFullText_StoresTheArticleTextAndQueuesEachItemOnce()
    {
        const string article = "<html><body><nav>Menu</nav><h1>Port shelled</h1><article><p>Artillery shelled the port of Berdyansk overnight, destroying two grain warehouses and a crane.</p><p>Officials said the strikes continued until dawn and that three dock workers were wounded.</p><p>The port authority suspended loading and asked shipping companies to keep vessels at anchor.</p></article></body></html>";
        await using var server = new TestHttpServer(async c =>
        {
            var body = c.Request.Url!.AbsolutePath == "/rss"
                ? $"<rss><channel><title>T</title><item><title>Port shelled</title><link>http://127.0.0.1:{c.Request.Url.Port}/story</link><description>Read more…</description></item></channel></rss>"
                : article;
            await c.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
        });
        var config = PipelineConfig.Parse($$"""{ "watches": [ { "name": "W", "countries": ["UA"], "feeds": [ { "id": "f", "url": "{{server.Url}}rss", "interval": "00:00:05", "fullText": true } ] } ] }""", "test");
        var tables = azurite.Factory;
        var names = new[] { UniqueName.Table("feeds"), UniqueName.Table("seen"), UniqueName.Table("texts") };
        foreach (var name in names)
        {
            await tables.GetTable(name).CreateIfNotExistsAsync();
        }

        var texts = new ArticleTextStore(tables.GetTable(names[2]));
        using var fetcher = new FeedFetcher(new FeedFetcherOptions { AllowPrivateAddresses = true }, TimeProvider.System);
        var poller = new FeedPoller(config, new FeedStateStore(tables.GetTable(names[0])), new SeenItemStore(tables.GetTable(names[1]), TimeProvider.System), texts, fetcher, new FeedReader());

        var (first, _) = await poller.PollAsync(new FeedPoll(1, "w", "f"));
        var (second, _) = await poller.PollAsync(new FeedPoll(1, "w", "f"));

        var item = Assert.Single(first);
        Assert.Empty(second);
        var text = await texts.GetAsync(item.TextId);
        Assert.Contains("Artillery shelled the port of Berdyansk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Menu", text, StringComparison.Ordinal);
    }
}
