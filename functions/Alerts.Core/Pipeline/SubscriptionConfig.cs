using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>A delivery target with its filters (empty lists match everything).</summary>
public sealed record SubscriptionConfig(string Id, string Kind, string Url, string? Secret, IReadOnlyList<string> Watches, IReadOnlyList<string> Types, Severity MinSeverity)
{
    /// <summary>True when the subscription wants <paramref name="alert"/>.</summary>
    public bool Matches(AlertEvent alert) =>
        (Watches.Count == 0 || Watches.Contains(alert.Watch, StringComparer.OrdinalIgnoreCase))
        && (Types.Count == 0 || Types.Contains(alert.Type, StringComparer.OrdinalIgnoreCase))
        && alert.Severity >= MinSeverity;
}
