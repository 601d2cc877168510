using System.Globalization;
using System.Text.Json;
using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Watches (conflicts, their countries and feeds) and subscriptions (webhooks and Slack channels
/// with filters), from a JSON file. Loading lists every problem.
/// </summary>
public sealed record PipelineConfig(IReadOnlyList<WatchConfig> Watches, IReadOnlyList<SubscriptionConfig> Subscriptions)
{
    /// <summary>Reads and validates the configuration.</summary>
    public static PipelineConfig Parse(string json, string source)
    {
        var problems = new List<string>();
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var watches = new List<WatchConfig>();
        foreach (var (w, i) in Array(root, "watches").Select((w, i) => (w, i)))
        {
            var name = Str(w, "name");
            var countries = Array(w, "countries").Select(c => c.GetString() ?? "").ToList();
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"watches[{i}]: \"name\" is required");
                continue;
            }

            foreach (var bad in countries.Where(c => c.Length != 2))
            {
                problems.Add($"watch '{name}': country '{bad}' is not an ISO 3166 alpha-2 code");
            }

            var feeds = new List<FeedConfig>();
            foreach (var (f, j) in Array(w, "feeds").Select((f, j) => (f, j)))
            {
                var url = Str(f, "url");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    problems.Add($"watch '{name}' feeds[{j}]: \"url\" must be an absolute http(s) URL");
                    continue;
                }

                var interval = TimeSpan.FromMinutes(5);
                if (Str(f, "interval") is { } text && (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out interval) || interval < TimeSpan.FromSeconds(5)))
                {
                    problems.Add($"watch '{name}' feeds[{j}]: \"interval\" must be a time span of at least 00:00:05");
                }

                feeds.Add(new FeedConfig(Str(f, "id") ?? url!, url!, interval, f.TryGetProperty("fullText", out var ft) && ft.ValueKind == JsonValueKind.True));
            }

            watches.Add(new WatchConfig(new Watch(name, countries), feeds));
        }

        if (watches.Count == 0)
        {
            problems.Add("at least one watch is required");
        }

        var subscriptions = new List<SubscriptionConfig>();
        foreach (var (s, i) in Array(root, "subscriptions").Select((s, i) => (s, i)))
        {
            var id = Str(s, "id") ?? $"subscription-{i + 1}";
            var kind = Str(s, "kind") ?? "webhook";
            var url = Str(s, "url");
            if (kind is not ("webhook" or "slack"))
            {
                problems.Add($"subscription '{id}': \"kind\" must be webhook or slack");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            {
                problems.Add($"subscription '{id}': \"url\" must be an absolute http(s) URL");
            }

            var secret = Str(s, "secret");
            if (kind == "webhook")
            {
                try
                {
                    Delivery.WebhookSecret.Parse(secret ?? "");
                }
                catch (FormatException ex)
                {
                    problems.Add($"subscription '{id}': \"secret\": {ex.Message}");
                }
            }

            var minSeverity = Severity.Minor;
            if (Str(s, "minSeverity") is { } sev && !Enum.TryParse(sev, true, out minSeverity))
            {
                problems.Add($"subscription '{id}': \"minSeverity\" must be Minor, Moderate, Severe or Extreme");
            }

            subscriptions.Add(new SubscriptionConfig(id, kind, url ?? "", secret, Array(s, "watches").Select(x => x.GetString() ?? "").ToList(), Array(s, "types").Select(x => x.GetString() ?? "").ToList(), minSeverity));
        }

        foreach (var dup in subscriptions.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"subscription id '{dup.Key}' is used twice");
        }

        if (problems.Count > 0)
        {
            throw new FormatException($"{source}:\n  - " + string.Join("\n  - ", problems));
        }

        return new PipelineConfig(watches, subscriptions);
    }

    /// <summary>The watch with <paramref name="id"/>, or null.</summary>
    public WatchConfig? Watch(string id) => Watches.FirstOrDefault(w => w.Watch.Id == id);

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
