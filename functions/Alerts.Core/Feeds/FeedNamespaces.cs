namespace Alerts.Core.Feeds;

/// <summary>The XML namespaces feeds use.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Well-known prefixes, declared for documents that use them without declaring them.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["atom"] = Atom10, ["content"] = Content, ["dc"] = Dc, ["dcterms"] = DcTerms, ["rdf"] = Rdf, ["media"] = Media,
        ["xhtml"] = Xhtml, ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd", ["georss"] = "http://www.georss.org/georss",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/", ["wfw"] = "http://wellformedweb.org/CommentAPI/", ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
    };
}
