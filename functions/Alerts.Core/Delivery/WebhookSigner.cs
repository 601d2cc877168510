using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Delivery;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com): <c>webhook-signature: v1,&lt;Base64 HMAC-SHA256
/// of "id.timestamp.body"&gt;</c>, with <c>webhook-id</c> and <c>webhook-timestamp</c> (Unix seconds).
/// Verification accepts any of several space-separated signatures (key rotation), compares in
/// constant time and rejects timestamps more than five minutes off.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The tolerance for timestamps, as the reference libraries use.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The three headers for a delivery.</summary>
    public static IReadOnlyDictionary<string, string> Headers(WebhookSecret secret, string messageId, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var ts = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = messageId,
            ["webhook-timestamp"] = ts,
            ["webhook-signature"] = "v1," + Sign(secret, messageId, ts, body),
        };
    }

    /// <summary>True when one of the signatures in <paramref name="signatureHeader"/> is valid and the timestamp is within tolerance of <paramref name="now"/>.</summary>
    public static bool Verify(WebhookSecret secret, string messageId, string timestampHeader, string signatureHeader, string body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Convert.FromBase64String(Sign(secret, messageId, timestampHeader, body));
        foreach (var candidate in (signatureHeader ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || candidate[..comma] != "v1")
            {
                continue;
            }

            var buffer = new byte[expected.Length + 4];
            if (Convert.TryFromBase64String(candidate[(comma + 1)..], buffer, out var n) && n == expected.Length
                && CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, n), expected))
            {
                return true;
            }
        }

        return false;
    }

    private static string Sign(WebhookSecret secret, string id, string timestamp, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(secret.Key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
}
