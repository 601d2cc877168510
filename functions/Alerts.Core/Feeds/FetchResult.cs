namespace Alerts.Core.Feeds;

/// <summary>The outcome of one poll: the body (when fetched), its charset, and the feed's next state.</summary>
public sealed record FetchResult(FetchStatus Status, FeedState State, byte[]? Body = null, string? Charset = null, int? HttpStatus = null, string? Error = null, int Requests = 0);
