namespace Alerts.Core.Feeds;

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A new body arrived.</summary>
    Fetched,

    /// <summary>The server said 304: nothing changed, nothing to parse.</summary>
    NotModified,

    /// <summary>The server asked to wait (429/503 with or without Retry-After); see <see cref="FeedState.NotBefore"/>.</summary>
    Throttled,

    /// <summary>Not fetched: the feed's NotBefore has not passed.</summary>
    Skipped,

    /// <summary>The URL is not allowed (scheme, private address) or the response broke a limit.</summary>
    Refused,

    /// <summary>The request failed after retries, or the server answered with an error.</summary>
    Failed,
}
