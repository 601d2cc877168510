using System.Text.Json.Nodes;
using Alerts.Core.Situation;

namespace Alerts.Core.Delivery;

/// <summary>
/// A Slack incoming-webhook message in Block Kit within Slack's documented limits: a header (≤ 150
/// characters), a section with severity, place, count and who claims it, the evidence as a quote
/// (section text ≤ 3,000), the source link and corroboration as context; fallback text for
/// notifications. Text from articles is escaped for Slack's mrkdwn (&amp;, &lt;, &gt;).
/// </summary>
public static class SlackMessage
{
    public const int HeaderLimit = 150;
    public const int SectionLimit = 3000;

    /// <summary>The message JSON for <paramref name="alert"/>.</summary>
    public static string Json(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var title = $"{Icon(alert.Severity)} {Label(alert.Kind)}: {Humanize(alert.Type)} — {alert.Subject}";
        var facts = $"*Severity:* {alert.Severity}   *Type:* {Humanize(alert.Type)}   *Where/who:* {Escape(alert.Subject)}{(alert.Country is null ? "" : $" ({alert.Country})")}"
                    + (alert.Count is { } c ? $"   *Count:* {c:N0}" : "")
                    + (alert.ClaimedBy is null ? "" : $"\n*Claimed by:* {Escape(alert.ClaimedBy)}");
        var source = alert.Link is null ? Escape(alert.Article) : $"<{alert.Link}|{Escape(alert.Article)}>";
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(title, HeaderLimit), ["emoji"] = true } },
            Section(facts),
            Section("> " + Escape(alert.Evidence).Replace("\n", "\n> ", StringComparison.Ordinal)),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray
                {
                    new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut($"Source: {source}", SectionLimit) },
                    new JsonObject { ["type"] = "mrkdwn", ["text"] = $"{alert.Sources} independent source{(alert.Sources == 1 ? "" : "s")} · watch {Escape(alert.Watch)} · {alert.Time:yyyy-MM-dd HH:mm} UTC" },
                },
            },
        };
        return new JsonObject { ["text"] = Cut(title + " — " + alert.Evidence, 3000), ["blocks"] = blocks }.ToJsonString();
    }

    private static JsonObject Section(string text) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(text, SectionLimit) } };

    private static string Cut(string s, int limit) => s.Length <= limit ? s : s[..(limit - 1)] + "…";

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Humanize(string type) => type.Replace('_', ' ');

    private static string Label(string kind) => kind switch
    {
        AlertKind.New => "New",
        AlertKind.Escalated => "Escalated",
        AlertKind.Corroborated => "Corroborated",
        AlertKind.Flip => "Turn",
        _ => kind,
    };

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Extreme => "🟥",
        Severity.Severe => "🟧",
        Severity.Moderate => "🟨",
        _ => "🟦",
    };
}
