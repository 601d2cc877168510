namespace Alerts.Core.Feeds;

/// <summary>
/// A parsed feed. <see cref="IllFormed"/> says the document was broken and what could be recovered
/// is returned (feedparser's "bozo"); <see cref="Error"/> is set when nothing could be read at all.
/// </summary>
public sealed record FeedDocument(
    string Format,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    IReadOnlyList<FeedEntry> Entries,
    bool IllFormed,
    string? Problem,
    string? Error = null)
{
    /// <summary>A document from which nothing could be recovered.</summary>
    public static FeedDocument Failed(string error) => new("unknown", null, null, null, null, [], true, error, error);
}
