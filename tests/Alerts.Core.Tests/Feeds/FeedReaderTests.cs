using System.Diagnostics;
using System.Text;
using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Feeds;

public sealed class FeedReaderTests
{
    private static readonly FeedReader Reader = new();

    private static FeedDocument Fixture(string name) =>
        Reader.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds", name)));

    private static FeedDocument Parse(string xml) => Reader.Parse(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Parse_Rss20WithModules_MapsEveryField()
    {
        var doc = Fixture("rss20.xml");

        Assert.False(doc.IllFormed);
        Assert.Equal("Frontline Wire", doc.Title);
        Assert.Equal("https://wire.example/world", doc.Link);
        Assert.Equal(new DateTimeOffset(2020, 10, 3, 5, 0, 0, TimeSpan.Zero), doc.Published);
        Assert.Equal(new DateTimeOffset(2020, 10, 3, 9, 30, 0, TimeSpan.Zero), doc.Updated);
        var first = doc.Entries[0];
        Assert.Equal("wire-2020-1003-001", first.Id);
        Assert.Equal("Curfew declared in border town", first.Title);
        Assert.Equal("https://wire.example/world/2020/10/03/curfew?utm_source=rss&id=7", first.Link);
        Assert.Equal("<p>Authorities imposed a <b>curfew</b>.</p>", first.Summary);
        Assert.StartsWith("<p>Authorities imposed a <b>curfew</b> from 8 pm.</p>", first.Content, StringComparison.Ordinal);
        Assert.Equal("Lena Fischer", first.Author);
        Assert.Equal(new DateTimeOffset(2020, 10, 3, 4, 15, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2020, 10, 3, 5, 20, 0, TimeSpan.Zero), first.Updated);
        var second = doc.Entries[1];
        Assert.Equal("Only a media title", second.Title);
        Assert.Equal("https://wire.example/world/2020/10/03/second", second.Link);
        Assert.Equal("World Desk", second.Author);
    }

    [Fact]
    public void Parse_Rss10Rdf_UsesRdfAboutAndDublinCore()
    {
        var doc = Fixture("rss10.rdf");

        Assert.Equal("rss10", doc.Format);
        Assert.Equal("Monitor digest", doc.Title);
        var e = Assert.Single(doc.Entries);
        Assert.Equal("https://monitor.example/items/42", e.Id);
        Assert.Equal(new DateTimeOffset(2021, 5, 3, 1, 0, 0, TimeSpan.Zero), e.Updated);
        Assert.Equal("Field Team", e.Author);
    }

    [Fact]
    public void Parse_Atom10_TextConstructsLinksAndPeople()
    {
        var doc = Fixture("atom10.xml");

        Assert.Equal("Conflict <i>Tracker</i>", doc.Title);
        Assert.Equal("https://tracker.example/", doc.Link);
        var e = Assert.Single(doc.Entries);
        Assert.Equal("Airports closed <update>", e.Title);
        Assert.Equal("https://tracker.example/entries/1", e.Link);
        Assert.Equal("tag:tracker.example,2022:1", e.Id);
        Assert.Equal("Oksana Petrenko", e.Author);
        Assert.Equal("<p>Civil flights suspended.</p>", e.Summary);
        Assert.Equal("<p>Civil flights are <em>suspended</em> &amp; airspace closed.</p>", e.Content);
        Assert.Equal(new DateTimeOffset(2022, 2, 24, 3, 10, 0, TimeSpan.Zero), e.Published);
        Assert.Equal("Civil flights are suspended & airspace closed.", FeedText.ToPlain(e.Content));
    }

    [Fact]
    public void Parse_Atom03_Base64AndEscapedModes()
    {
        var doc = Fixture("atom03.xml");

        Assert.Equal("atom03", doc.Format);
        Assert.Equal("Old Atom feed", doc.Title);
        Assert.Equal(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero), doc.Updated);
        var e = Assert.Single(doc.Entries);
        Assert.Equal("<p>Escaped body</p>", e.Content);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero), e.Published);
    }

    [Fact]
    public void Parse_JsonFeed11()
    {
        var doc = Fixture("feed.json");

        Assert.Equal("json11", doc.Format);
        var e = Assert.Single(doc.Entries);
        Assert.Equal("Amal Haddad", e.Author);
        Assert.Equal("<p>The convoy arrived.</p>", e.Content);
        Assert.Equal(new DateTimeOffset(2023, 5, 15, 8, 0, 0, TimeSpan.Zero), e.Published);
    }

    [Fact]
    public void Parse_HtmlEntitiesAndStrayAmpersands_AreRecoveredAndFlagged()
    {
        var doc = Parse("<rss><channel><title>Caf&eacute;&nbsp;news &amp; more & less</title><item><link>http://x.example/?a=1&b=2</link></item></channel></rss>");

        Assert.Equal("Café\u00A0news & more & less", doc.Title);
        Assert.Equal("http://x.example/?a=1&b=2", doc.Entries[0].Link);
        Assert.True(doc.IllFormed);
    }

    [Fact]
    public void Parse_BomAndWhitespaceBeforeDeclaration_Work()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("\n  <?xml version=\"1.0\"?><rss><channel><title>BOM</title></channel></rss>")).ToArray();

        Assert.Equal("BOM", Reader.Parse(bytes).Title);
    }

    [Fact]
    public void Parse_EncodingThatDisagreesWithDeclaration_FallsBackAndFlags()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Café Gjakovë</title></channel></rss>");

        var doc = Reader.Parse(bytes);

        Assert.Equal("Café Gjakovë", doc.Title);
        Assert.True(doc.IllFormed);
        Assert.Contains("Windows-1252", doc.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HttpCharsetWinsOverDeclaration()
    {
        var bytes = Encoding.GetEncoding("iso-8859-5") is { } cyr
            ? cyr.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Киев</title></channel></rss>")
            : [];

        Assert.Equal("Киев", Reader.Parse(bytes, "iso-8859-5").Title);
    }

    [Fact]
    public void Parse_TruncatedDocument_KeepsCompleteEntries()
    {
        var doc = Parse("<rss><channel><title>T</title><item><title>one</title></item><item><title>two</title></item><item><title>thr");

        Assert.True(doc.IllFormed);
        Assert.Equal(["one", "two", "thr"], doc.Entries.Select(e => e.Title));
    }

    [Fact]
    public void Parse_UndeclaredPrefix_IsDeclaredAndRead()
    {
        var doc = Parse("<rss><channel><item><dc:creator>Undeclared</dc:creator><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>");

        Assert.Equal("Undeclared", doc.Entries[0].Author);
        Assert.Equal("<p>x</p>", doc.Entries[0].Content);
    }

    [Fact]
    public void Parse_EntityExpansionBomb_IsNotExpanded()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        sb.Append("]><rss><channel><title>&lol9;</title></channel></rss>");
        var watch = Stopwatch.StartNew();

        var doc = Parse(sb.ToString());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.True((doc.Title ?? "").Length < 100);
    }

    [Fact]
    public void Parse_ExternalEntity_IsNeverResolved()
    {
        var doc = Parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss><channel><title>a&xxe;b</title></channel></rss>");

        Assert.DoesNotContain("root:", doc.Title ?? "", StringComparison.Ordinal);
        Assert.Equal("a&xxe;b", doc.Title);
    }

    [Fact]
    public void Parse_Limits_CutAndFlagOrRefuse()
    {
        var reader = new FeedReader(new FeedReaderOptions { MaxEntries = 2, MaxFieldLength = 300, MaxDocumentBytes = 4096 });
        var items = string.Concat(Enumerable.Range(0, 5).Select(i => $"<item><title>{i}</title></item>"));

        var many = reader.Parse(Encoding.UTF8.GetBytes($"<rss><channel>{items}<item><title>{new string('x', 500)}</title></item></channel></rss>"));
        var huge = reader.Parse(new byte[5000]);

        Assert.Equal(2, many.Entries.Count);
        Assert.True(many.IllFormed);
        Assert.Contains("kept the first 2", many.Problem, StringComparison.Ordinal);
        Assert.NotNull(huge.Error);
        Assert.Contains("limit", huge.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_StopsAtTheLimit()
    {
        var xml = "<rss><channel><title>deep</title>" + string.Concat(Enumerable.Repeat("<x>", 5000)) + "</channel></rss>";

        var doc = Parse(xml);

        Assert.Equal("deep", doc.Title);
        Assert.True(doc.IllFormed);
    }

    [Theory]
    [InlineData("<html><body><p>Not a feed</p></body></html>", "not a feed")]
    [InlineData("", "empty document")]
    [InlineData("plain words", "not well-formed")]
    [InlineData("{\"hello\": 1}", "jsonfeed")]
    public void Parse_NotAFeed_GivesAnError(string text, string expected)
    {
        var doc = Parse(text);

        Assert.NotNull(doc.Error);
        Assert.Contains(expected, doc.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_Invalid_ListEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FeedReader(new FeedReaderOptions { MaxEntries = 0, MaxDepth = 1 }));

        Assert.Contains("MaxEntries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDepth", ex.Message, StringComparison.Ordinal);
    }
}
