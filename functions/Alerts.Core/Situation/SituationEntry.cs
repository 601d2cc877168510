namespace Alerts.Core.Situation;

/// <summary>What a watch knows about one (type, subject): when it was first alerted, the last alerted count, and the outlets that reported it.</summary>
public sealed record SituationEntry(
    string AlertId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long? AlertedCount,
    IReadOnlyList<string> Sources,
    string Country);
