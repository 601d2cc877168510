using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>
/// One escalation indicator found in an article: what (type), about what (subject place or actor),
/// how many, the sentence that says so, who claims it, and whether it is asserted. A mention that
/// is denied, called for, hypothetical, future or historical is reported with <see cref="Negated"/>
/// and its <see cref="Context"/> (PLOVER's flags) and must not fire an alert.
/// </summary>
public sealed record Indicator(
    string Type,
    Place Subject,
    long? Count,
    bool CountApproximate,
    string? Category,
    string Evidence,
    bool Negated,
    string? Context,
    string? ClaimedBy,
    string RuleId,
    string Cameo,
    int Offset);
