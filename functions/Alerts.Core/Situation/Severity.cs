namespace Alerts.Core.Situation;

/// <summary>
/// CAP 1.2 severity (OASIS Common Alerting Protocol, <c>severity</c>): Extreme (extraordinary threat
/// to life), Severe (significant threat), Moderate (possible threat), Minor (minimal threat).
/// </summary>
public enum Severity
{
    /// <summary>Minimal threat to life or property.</summary>
    Minor,

    /// <summary>Possible threat.</summary>
    Moderate,

    /// <summary>Significant threat.</summary>
    Severe,

    /// <summary>Extraordinary threat.</summary>
    Extreme,
}
