namespace Alerts.Core.Feeds;

/// <summary>
/// What a poller remembers per feed between polls: the URL (updated by permanent redirects), the
/// conditional-GET validators, when the server allows the next request, and the failure streak.
/// </summary>
public sealed record FeedState(
    string Url,
    string? ETag = null,
    string? LastModified = null,
    DateTimeOffset? NotBefore = null,
    int ConsecutiveFailures = 0,
    DateTimeOffset? LastPolled = null,
    string? LastError = null);
