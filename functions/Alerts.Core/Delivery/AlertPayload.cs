using System.Globalization;
using System.Text.Json;
using Alerts.Core.Situation;

namespace Alerts.Core.Delivery;

/// <summary>The JSON body of a webhook delivery (versioned: <c>"v": 1</c>).</summary>
public static class AlertPayload
{
    /// <summary>The body for <paramref name="alert"/>.</summary>
    public static string Json(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WriteString("type", "alert." + alert.Kind);
            w.WriteString("id", alert.Id);
            w.WriteString("watch", alert.Watch);
            w.WriteString("kind", alert.Kind);
            w.WriteString("severity", alert.Severity.ToString());
            w.WriteStartObject("indicator");
            w.WriteString("type", alert.Type);
            w.WriteString("subject", alert.Subject);
            w.WriteString("subjectId", alert.SubjectId);
            w.WriteString("country", alert.Country);
            if (alert.Count is { } count)
            {
                w.WriteNumber("count", count);
            }
            else
            {
                w.WriteNull("count");
            }

            w.WriteEndObject();
            w.WriteNumber("sources", alert.Sources);
            w.WriteString("evidence", alert.Evidence);
            w.WriteString("claimedBy", alert.ClaimedBy);
            w.WriteString("article", alert.Article);
            w.WriteString("link", alert.Link);
            w.WriteString("time", alert.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
