using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Storage.Http;

/// <summary>
/// Shared Key signatures per "Authorize with Shared Key" (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key):
/// the full Shared Key scheme for queues, Shared Key Lite for tables (what Azure.Data.Tables sends).
/// </summary>
internal static class SharedKeySigner
{
    /// <summary>The Queue service string to sign for a request.</summary>
    public static string QueueStringToSign(HttpRequestMessage request, string accountName)
    {
        var content = request.Content?.Headers;
        var length = content?.ContentLength is > 0 ? content.ContentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n')
          .Append(Join(content?.ContentEncoding)).Append('\n')
          .Append(Join(content?.ContentLanguage)).Append('\n')
          .Append(length).Append('\n')
          .Append(content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : "").Append('\n')
          .Append(content?.ContentType?.ToString() ?? "").Append('\n')
          .Append('\n') // Date: only x-ms-date is sent
          .Append(Header(request, "If-Modified-Since")).Append('\n')
          .Append(Header(request, "If-Match")).Append('\n')
          .Append(Header(request, "If-None-Match")).Append('\n')
          .Append(Header(request, "If-Unmodified-Since")).Append('\n')
          .Append(Header(request, "Range")).Append('\n');

        foreach (var (name, value) in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        var uri = request.RequestUri!;
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var (name, values) in ParseQuery(uri.Query).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(name).Append(':').Append(string.Join(",", values));
        }

        return sb.ToString();
    }

    /// <summary>The Table service Shared Key Lite string to sign: date, then the canonicalized resource with only <c>comp</c>.</summary>
    public static string TableStringToSign(HttpRequestMessage request, string accountName)
    {
        var uri = request.RequestUri!;
        var sb = new StringBuilder();
        sb.Append(Header(request, "x-ms-date")).Append('\n').Append('/').Append(accountName).Append(uri.AbsolutePath);
        if (ParseQuery(uri.Query).TryGetValue("comp", out var comp))
        {
            sb.Append("?comp=").Append(string.Join(",", comp));
        }

        return sb.ToString();
    }

    /// <summary>Base64 HMAC-SHA256 of the string to sign under the account key.</summary>
    public static string Sign(string stringToSign, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    private static string Join(ICollection<string>? values) => values is null ? "" : string.Join(",", values);

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = [];
            }

            list.Add(value);
        }

        foreach (var list in result.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return result;
    }
}
