using System.Net.Http.Headers;

namespace Alerts.Core.Http;

/// <summary>The wait a server asks for in Retry-After (RFC 9110 §10.2.3), as seconds or as a date.</summary>
public static class RetryAfter
{
    /// <summary>How long to wait from now, never negative (a date in the past means now); null when the header is absent.</summary>
    public static TimeSpan? Of(HttpResponseHeaders headers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(time);
        var header = headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
