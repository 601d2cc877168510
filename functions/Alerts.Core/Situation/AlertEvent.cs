namespace Alerts.Core.Situation;

/// <summary>
/// An alert event: what happened (kind, type, subject, count), how bad (CAP severity), how many
/// distinct sources report it, and the evidence. <see cref="Id"/> is deterministic, so that a
/// redelivered item produces the same id and deliveries can be deduplicated.
/// </summary>
public sealed record AlertEvent(
    string Id,
    string Watch,
    string Kind,
    string Type,
    string Subject,
    string SubjectId,
    string? Country,
    long? Count,
    Severity Severity,
    int Sources,
    string Article,
    string? Link,
    string Evidence,
    string? ClaimedBy,
    DateTimeOffset Time);
