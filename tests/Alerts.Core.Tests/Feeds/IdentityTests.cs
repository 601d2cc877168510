using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Feeds;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM:443/World/Story/?utm_source=x&b=2&a=1&fbclid=zz#top", "https://news.example.com/World/Story?a=1&b=2")]
    [InlineData("http://example.org", "http://example.org/")]
    [InlineData("http://example.org:8080/a", "http://example.org:8080/a")]
    public void Normalize_RemovesTrackingFragmentsAndCase(string input, string expected)
    {
        Assert.Equal(expected, UrlNormalizer.Normalize(input));
    }

    [Theory]
    [InlineData("https://www.bbc.co.uk/news/world", "bbc.co.uk")]
    [InlineData("https://feeds.reuters.com/x", "reuters.com")]
    [InlineData("https://example.com", "example.com")]
    public void Outlet_IsTheRegistrableDomain(string url, string outlet)
    {
        Assert.Equal(outlet, UrlNormalizer.Outlet(url));
    }

    [Fact]
    public void Key_PrefersRealIdThenLinkThenHash()
    {
        var feed = "https://wire.example/rss";

        Assert.Equal("id:tag:wire.example,2020:1", ItemIdentity.Key(new FeedEntry("tag:wire.example,2020:1", "T", "https://wire.example/a", null, null, null, null, null), feed));
        Assert.Equal("feed:https://wire.example/rss#123", ItemIdentity.Key(new FeedEntry("123", "T", null, null, null, null, null, null), feed));
        Assert.Equal("url:https://wire.example/a", ItemIdentity.Key(new FeedEntry(null, "T", "https://wire.example/a?utm_medium=rss", null, null, null, null, null), feed));
        Assert.Equal("url:https://wire.example/a", ItemIdentity.Key(new FeedEntry(feed, "T", "https://wire.example/a", null, null, null, null, null), feed));
        var hashed = ItemIdentity.Key(new FeedEntry(null, "T", null, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null, null, null), feed);
        Assert.StartsWith("hash:", hashed, StringComparison.Ordinal);
        Assert.Equal(hashed, ItemIdentity.Key(new FeedEntry(null, "T", null, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null, null, null), feed));
    }

    [Fact]
    public void StoryIndex_SyndicatedCopyAcrossOutlets_IsOneStoryWithTwoSources()
    {
        var index = new StoryIndex();
        var wire = new FeedEntry("a1", "Troops massed near the border, officials say", "https://wire.example/troops-massed", null, null,
            "Thousands of troops and armoured vehicles were seen moving toward the border overnight, officials said on Monday.", null, null);
        var copy = wire with { Id = "z9", Link = "https://daily.example/world/troops-massed-border", Title = "Troops massed near the border, officials say" };
        var sameOutlet = wire with { Id = "a2", Link = "https://m.wire.example/troops-massed?utm_source=app" };
        var other = new FeedEntry("b1", "Flooding closes the coastal highway", "https://daily.example/floods", null, null, "Heavy rain flooded roads.", null, null);

        var (first, isNew) = index.Add(wire, "https://wire.example/rss");
        var (second, secondNew) = index.Add(copy, "https://daily.example/rss");
        var (third, _) = index.Add(sameOutlet, "https://wire.example/rss");
        var (fourth, fourthNew) = index.Add(other, "https://daily.example/rss");

        Assert.True(isNew);
        Assert.False(secondNew);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Equal(2, first.Outlets.Count);
        Assert.True(fourthNew);
        Assert.NotSame(first, fourth);
    }

    [Fact]
    public void Fingerprint_LightEditIsClose_DifferentStoryIsFar()
    {
        var a = StoryFingerprint.Compute("Curfew imposed in the capital after clashes", "Authorities imposed an overnight curfew in the capital after clashes between rival groups left several people injured.");
        var b = StoryFingerprint.Compute("Curfew imposed in the capital after clashes", "Authorities imposed an overnight curfew in the capital after clashes between rival groups left several injured.");
        var c = StoryFingerprint.Compute("Central bank raises interest rates", "The central bank raised its key rate by half a point to curb inflation.");

        Assert.True(StoryFingerprint.SameStory(a, b));
        Assert.False(StoryFingerprint.SameStory(a, c));
    }

    [Fact]
    public void ArticleExtractor_FindsTheMainTextAndDropsNavigation()
    {
        const string html = "<html><body><nav><p>Home</p><p>World</p></nav><h1>Shelling hits the port</h1>" +
                            "<div class=\"sidebar\"><p>Most read</p></div>" +
                            "<article><p>Artillery struck the port district overnight, damaging warehouses and a grain terminal.</p>" +
                            "<p>Officials said three dock workers were injured and the terminal would stay closed for days while engineers assess it.</p>" +
                            "<p>Residents described hearing at least a dozen blasts before dawn.</p></article><footer><p>© Outlet</p></footer></body></html>";

        var text = ArticleExtractor.Extract(html);

        Assert.StartsWith("Shelling hits the port\n\nArtillery struck the port district", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", text, StringComparison.Ordinal);
    }
}
