using System.Text;

namespace Alerts.Core.Feeds;

/// <summary>
/// Canonical form of an article URL for identity: scheme and host lower-cased, default port, fragment
/// and tracking parameters (utm_*, fbclid, gclid, …) removed, remaining parameters sorted. Two
/// links that differ only in campaign tags name one story.
/// </summary>
public static class UrlNormalizer
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid", "cmp", "smid", "smtyp", "ref", "ref_src", "ref_url",
        "rss", "feed", "ito", "_ga", "yclid", "twclid", "s_cid", "at_medium", "at_campaign", "xtor", "spm",
    };

    /// <summary>The canonical URL, or null when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        sb.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            sb.Append(':').Append(uri.Port);
        }

        sb.Append(uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "/");
        if (query.Count > 0)
        {
            sb.Append('?').Append(string.Join('&', query));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The outlet that published a URL: its registrable domain ("www.bbc.co.uk" → "bbc.co.uk"), so
    /// that feeds of one outlet count as one source.
    /// </summary>
    public static string? Outlet(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var labels = uri.IdnHost.ToLowerInvariant().Split('.');
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        // Second-level public suffixes ("co.uk", "com.au", "gov.ua"): keep three labels.
        var secondLevel = labels[^2] is "co" or "com" or "net" or "org" or "gov" or "ac" or "edu" or "gob" or "go" or "or" or "ne" && labels[^1].Length == 2;
        return string.Join('.', labels[^(secondLevel ? 3 : 2)..]);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
}
