using System.Xml.Linq;

namespace Alerts.Core.Feeds;

/// <summary>Atom 1.0 and 0.3.</summary>
public sealed partial class FeedReader
{
    private static FeedDocument Atom(XElement root)
    {
        var ns = root.Name.NamespaceName;
        var legacy = ns == FeedNamespaces.Atom03 || (string?)root.Attribute("version") == "0.3";
        string[] core = [ns, "", FeedNamespaces.Atom10, FeedNamespaces.Atom03];
        var entries = Children(root, "entry", core).Select(e => AtomEntry(e, core)).ToList();
        return new FeedDocument(
            legacy ? "atom03" : "atom10",
            Blank(FeedText.Value(Child(root, "title", core))),
            AlternateLink(root, core),
            FeedDate.Parse(Child(root, "published", core)?.Value ?? Child(root, "issued", core)?.Value),
            FeedDate.Parse(Child(root, "updated", core)?.Value ?? Child(root, "modified", core)?.Value),
            entries,
            false,
            null);
    }

    private static FeedEntry AtomEntry(XElement entry, string[] core)
    {
        var author = Child(entry, "author", core);
        var name = author is null ? null : Blank(Child(author, "name", core)?.Value) ?? (author.HasElements ? Blank(Child(author, "email", core)?.Value) : Blank(author.Value));
        return new FeedEntry(
            Blank(Child(entry, "id", core)?.Value),
            Blank(FeedText.Value(Child(entry, "title", core))),
            AlternateLink(entry, core),
            FeedDate.Parse(Child(entry, "published", core)?.Value ?? Child(entry, "issued", core)?.Value ?? Child(entry, "created", core)?.Value),
            FeedDate.Parse(Child(entry, "updated", core)?.Value ?? Child(entry, "modified", core)?.Value),
            Blank(FeedText.Value(Child(entry, "summary", core))),
            Blank(FeedText.Value(Child(entry, "content", core))),
            name);
    }

    // rel="alternate" (the default) with an href; an html type first when there are several.
    private static string? AlternateLink(XElement parent, string[] core)
    {
        var links = Children(parent, "link", core)
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate").Trim() == "alternate" && Blank((string?)l.Attribute("href")) is not null)
            .ToList();
        var best = links.FirstOrDefault(l => ((string?)l.Attribute("type") ?? "text/html").Contains("html", StringComparison.OrdinalIgnoreCase)) ?? links.FirstOrDefault();
        return Blank((string?)best?.Attribute("href"));
    }
}
