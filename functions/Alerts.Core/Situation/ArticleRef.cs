namespace Alerts.Core.Situation;

/// <summary>The article an indicator came from: its id, the outlet (source) that published it, when, and its link.</summary>
public sealed record ArticleRef(string Id, string Source, DateTimeOffset Published, string? Link = null);
