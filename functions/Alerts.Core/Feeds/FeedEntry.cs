namespace Alerts.Core.Feeds;

/// <summary>One item of a feed, normalised across RSS, Atom and JSON Feed. HTML stays as HTML in summary and content; <see cref="Text"/> gives plain text.</summary>
public sealed record FeedEntry(
    string? Id,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Summary,
    string? Content,
    string? Author);
