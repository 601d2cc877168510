using System.Text.Json;

namespace Alerts.Core.Detection;

/// <summary>The indicator object of the analyze contract (DESIGN.md), plus place id, country, category and rule; shared by the CLI and the Functions app.</summary>
public static class IndicatorJson
{
    /// <summary>Writes one indicator object.</summary>
    public static void Write(Utf8JsonWriter w, Indicator i)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(i);
        w.WriteStartObject();
        w.WriteString("type", i.Type);
        w.WriteString("subject", i.Subject.Name);
        w.WriteStartArray("aliases");
        // The name as the evidence spells it comes first ("Kyiv" for GeoNames' "Kiev").
        var surface = i.Subject.Aliases.FirstOrDefault(a => i.Evidence.Contains(a, StringComparison.OrdinalIgnoreCase));
        foreach (var alias in (surface is null ? i.Subject.Aliases : i.Subject.Aliases.Where(a => a != surface).Prepend(surface)).Take(12))
        {
            w.WriteStringValue(alias);
        }

        w.WriteEndArray();
        if (i.Count is { } count)
        {
            w.WriteNumber("count", count);
        }
        else
        {
            w.WriteNull("count");
        }

        w.WriteString("evidence", i.Evidence);
        w.WriteBoolean("negated", i.Negated);
        w.WriteString("context", i.Context);
        w.WriteString("claimedBy", i.ClaimedBy);
        w.WriteString("placeId", i.Subject.Id);
        w.WriteString("country", i.Subject.Country.Length == 0 ? null : i.Subject.Country);
        w.WriteString("category", i.Category);
        w.WriteBoolean("approximate", i.CountApproximate);
        w.WriteString("rule", i.RuleId);
        w.WriteString("cameo", i.Cameo.Length == 0 ? null : i.Cameo);
        w.WriteEndObject();
    }
}
