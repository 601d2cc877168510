using System.Text;
using Alerts.Core.Feeds;
using FsCheck;
using FsCheck.Fluent;

namespace Alerts.Core.Tests.Feeds;

/// <summary>Property tests: nothing a server can send makes the reader or the date parser throw or hang.</summary>
public sealed class FeedPropertyTests
{
    private static readonly byte[][] Seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds"))
        .Select(File.ReadAllBytes).ToArray();

    [Fact]
    public void Parse_ArbitraryBytes_NeverThrows()
    {
        var reader = new FeedReader();
        Prop.ForAll<byte[]>(bytes =>
        {
            var doc = reader.Parse(bytes);
            return doc is not null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_MutatedFeeds_NeverThrowOrHang()
    {
        var reader = new FeedReader();
        var mutations = from seed in Gen.Elements(Seeds)
                        from cut in Gen.Choose(0, 100)
                        from position in Gen.Choose(0, 100)
                        from junk in Gen.Elements("<", "&", "]]>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "\uFFFF", "&#0;", "</item>", "<item>", "\"", "\0")
                        select Mutate(seed, cut, position, junk);
        Prop.ForAll(mutations.ToArbitrary(), bytes =>
        {
            var started = DateTime.UtcNow;
            var doc = reader.Parse(bytes);
            return doc is not null && DateTime.UtcNow - started < TimeSpan.FromSeconds(2);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ParseDate_ArbitraryStrings_NeverThrow()
    {
        Prop.ForAll<string>(s =>
        {
            _ = FeedDate.Parse(s);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Mutate(byte[] seed, int cutPercent, int positionPercent, string junk)
    {
        var text = Encoding.UTF8.GetString(seed);
        var at = text.Length * positionPercent / 100;
        var mutated = text[..at] + junk + text[at..];
        return Encoding.UTF8.GetBytes(mutated[..Math.Max(0, mutated.Length * (100 - (cutPercent / 2)) / 100)]);
    }
}
