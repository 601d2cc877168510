using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Feeds;

/// <summary>
/// A stable key for a feed item: its id when the id is real (URL and tag ids are global; other ids
/// are scoped to the feed), else its normalised link, else a hash of title and date.
/// </summary>
public static class ItemIdentity
{
    /// <summary>The item's key within <paramref name="feedUrl"/>'s feed.</summary>
    public static string Key(FeedEntry entry, string feedUrl)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Id?.Trim();
        if (!string.IsNullOrEmpty(id) && id.Length <= 512 && !SameAs(id, feedUrl))
        {
            if (UrlNormalizer.Normalize(id) is { } url)
            {
                return "url:" + url;
            }

            return id.StartsWith("tag:", StringComparison.OrdinalIgnoreCase) || id.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
                ? "id:" + id
                : "feed:" + (UrlNormalizer.Normalize(feedUrl) ?? feedUrl) + "#" + id;
        }

        if (UrlNormalizer.Normalize(entry.Link) is { } link && !SameAs(link, feedUrl))
        {
            return "url:" + link;
        }

        var basis = (entry.Title ?? "") + "\n" + FeedDate.Format(entry.Published ?? entry.Updated) + "\n" + (UrlNormalizer.Normalize(feedUrl) ?? feedUrl);
        return "hash:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..32];
    }

    // An "id" or link that is just the feed's own address is not an item identity.
    private static bool SameAs(string value, string feedUrl) =>
        UrlNormalizer.Normalize(value) is { } a && a == UrlNormalizer.Normalize(feedUrl);
}
