namespace Alerts.Core.Pipeline;

/// <summary>A feed of a watch: id, URL, polling interval, and whether to fetch full article pages for teasers.</summary>
public sealed record FeedConfig(string Id, string Url, TimeSpan Interval, bool FullText);
