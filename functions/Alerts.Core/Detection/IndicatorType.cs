namespace Alerts.Core.Detection;

/// <summary>The indicator types of the v1 taxonomy (DESIGN.md), as they appear in JSON.</summary>
public static class IndicatorType
{
    /// <summary>Every type, in taxonomy order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "martial_law", "curfew", "mobilization", "shelling", "troop_movement", "capture_claim", "casualties", "aircraft_downed", "prohibited_weapon", "ceasefire",
    ];
}
