using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>A watch and its feeds.</summary>
public sealed record WatchConfig(Watch Watch, IReadOnlyList<FeedConfig> Feeds);
