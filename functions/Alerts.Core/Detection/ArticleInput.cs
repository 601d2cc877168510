namespace Alerts.Core.Detection;

/// <summary>What the detector reads: the article text, when it was published (for historical mentions), and the watch's countries (ISO codes) to disambiguate places.</summary>
public sealed record ArticleInput(string Text, DateTimeOffset? Published = null, IReadOnlyCollection<string>? WatchCountries = null);
