namespace Alerts.Core.Situation;

/// <summary>Why an indicator became an alert event.</summary>
public static class AlertKind
{
    /// <summary>The first time this (type, subject) is seen in the watch.</summary>
    public const string New = "new";

    /// <summary>A count rose well past the last alerted figure.</summary>
    public const string Escalated = "escalated";

    /// <summary>A distinct outlet reported the same thing within the window.</summary>
    public const string Corroborated = "corroborated";

    /// <summary>The situation turned: a ceasefire after fighting.</summary>
    public const string Flip = "flip";
}
