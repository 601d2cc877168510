using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Alerts.Core.Feeds;

/// <summary>RSS 0.9x/2.0 and RSS 1.0 / 0.90 (RDF).</summary>
public sealed partial class FeedReader
{
    private static FeedDocument Rss(XElement root, string flavour)
    {
        var core = CoreNamespaces(root);
        var channel = root.Name.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase) ? root : Child(root, "channel", core) ?? root;
        var items = Children(channel, "item", core).Concat(channel == root ? [] : Children(root, "item", core)).ToList();
        var entries = items.Select(i => RssItem(i, core)).ToList();
        var format = flavour == "rdf" ? (root.Elements().Any(e => e.Name.NamespaceName == FeedNamespaces.Rss090) ? "rss090" : "rss10") : "rss" + ((string?)root.Attribute("version") ?? "");
        return new FeedDocument(
            format,
            Blank(FeedText.Value(Child(channel, "title", core) ?? Child(channel, "title", FeedNamespaces.Dc))),
            Blank(Child(channel, "link", core)?.Value) ?? AtomLink(channel),
            FeedDate.Parse(Child(channel, "pubDate", core)?.Value ?? Child(channel, "issued", FeedNamespaces.DcTerms)?.Value),
            FeedDate.Parse(Child(channel, "lastBuildDate", core)?.Value ?? Child(channel, "date", FeedNamespaces.Dc)?.Value ?? Child(channel, "modified", FeedNamespaces.DcTerms)?.Value),
            entries,
            false,
            null);
    }

    private static FeedEntry RssItem(XElement item, string[] core)
    {
        var guid = Child(item, "guid", core);
        var permalink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = Blank(Child(item, "link", core)?.Value) ?? AtomLink(item) ?? (permalink ? Blank(guid!.Value) : null);
        var id = Blank(guid?.Value) ?? Blank((string?)item.Attribute(XName.Get("about", FeedNamespaces.Rdf)));
        var title = FeedText.Value(Child(item, "title", core) ?? Child(item, "title", FeedNamespaces.Dc) ?? Child(item, "title", FeedNamespaces.Media));
        var summary = FeedText.Value(Child(item, "description", core) ?? Child(item, "description", FeedNamespaces.Dc) ?? Child(item, "description", FeedNamespaces.Media));
        var content = FeedText.Value(Child(item, "encoded", FeedNamespaces.Content));
        var author = Person(Child(item, "author", core)?.Value ?? Child(item, "creator", FeedNamespaces.Dc)?.Value ?? Child(item, "author", FeedNamespaces.Dc)?.Value);
        return new FeedEntry(
            id,
            Blank(title),
            link,
            FeedDate.Parse(Child(item, "pubDate", core)?.Value ?? Child(item, "issued", FeedNamespaces.DcTerms)?.Value),
            FeedDate.Parse(Child(item, "date", FeedNamespaces.Dc)?.Value ?? Child(item, "modified", FeedNamespaces.DcTerms)?.Value),
            Blank(summary),
            Blank(content),
            author);
    }

    /// <summary>"me@example.com (Example editor)" and "Example editor &lt;me@example.com&gt;" name Example editor.</summary>
    internal static string? Person(string? raw)
    {
        var s = Blank(raw);
        if (s is null)
        {
            return null;
        }

        var m = EmailThenName().Match(s);
        if (m.Success)
        {
            return m.Groups["name"].Value.Trim();
        }

        m = NameThenEmail().Match(s);
        if (m.Success)
        {
            return m.Groups["name"].Value.Trim();
        }

        m = NameThenParenthesisedEmail().Match(s);
        return m.Success ? m.Groups["name"].Value.Trim() : s;
    }

    private static string? AtomLink(XElement parent) =>
        parent.Elements(XName.Get("link", FeedNamespaces.Atom10))
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            .Select(l => Blank((string?)l.Attribute("href")))
            .FirstOrDefault(h => h is not null);

    // The namespaces RSS's own elements may be in: none, RSS 1.0, 0.90, and whatever default the root declares.
    private static string[] CoreNamespaces(XElement root) =>
        new[] { "", FeedNamespaces.Rss10, FeedNamespaces.Rss090, root.Name.NamespaceName }.Distinct().ToArray();

    private static XElement? Child(XElement parent, string local, params string[] namespaces) =>
        Children(parent, local, namespaces).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement parent, string local, params string[] namespaces) =>
        parent.Elements().Where(e => e.Name.LocalName.Equals(local, StringComparison.OrdinalIgnoreCase) && namespaces.Contains(e.Name.NamespaceName));

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$")]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^(?<name>[^<]+?)\s*<[^>]+@[^>]+>$")]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^(?<name>[^(]+?)\s*\(\S+@\S+\)$")]
    private static partial Regex NameThenParenthesisedEmail();
}
