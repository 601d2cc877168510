using Alerts.Core.Detection;
using Alerts.Core.Places;

namespace Alerts.Core.Situation;

/// <summary>
/// CAP severity of an alert. Base by type: prohibited weapons Extreme; martial law and mobilisation
/// Severe; troops sent by a country outside the watch Severe (third-country involvement), else
/// Moderate; casualties Severe from 100, Moderate from 10, else Minor; shelling, captures, aircraft,
/// curfews and ceasefires Moderate. One level more for a place of 100,000 people or more, for a
/// place outside the watch's area — its countries and extra places — (spillover), and for three or
/// more distinct sources.
/// </summary>
public static class SeverityRules
{
    /// <summary>The severity of <paramref name="indicator"/> in <paramref name="watch"/> with <paramref name="sources"/> distinct sources.</summary>
    public static Severity Of(Indicator indicator, Watch watch, int sources)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(watch);
        var place = indicator.Subject;
        var inWatch = watch.Covers(place);
        var level = indicator.Type switch
        {
            "prohibited_weapon" => Severity.Extreme,
            "martial_law" or "mobilization" => Severity.Severe,
            "troop_movement" => inWatch ? Severity.Moderate : Severity.Severe,
            "casualties" => indicator.Count >= 100 ? Severity.Severe : indicator.Count >= 10 ? Severity.Moderate : Severity.Minor,
            _ => Severity.Moderate,
        };
        var bumps = 0;
        if (place.Kind == PlaceKind.City && place.Population >= 100_000 && indicator.Type is "shelling" or "capture_claim")
        {
            bumps++;
        }

        if (!inWatch && indicator.Type is "shelling" or "capture_claim")
        {
            bumps++;
        }

        if (sources >= 3)
        {
            bumps++;
        }

        return (Severity)Math.Min((int)Severity.Extreme, (int)level + bumps);
    }
}
