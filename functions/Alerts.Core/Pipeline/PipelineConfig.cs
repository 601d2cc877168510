using System.Globalization;
using System.Text.Json;
using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Watches (conflicts, their countries and feeds) and subscriptions (webhooks and Slack channels
/// with filters), from a JSON file or, one at a time, from the HTTP API. Loading lists every problem.
/// </summary>
public sealed record PipelineConfig(IReadOnlyList<WatchConfig> Watches, IReadOnlyList<SubscriptionConfig> Subscriptions)
{
    /// <summary>No watches and no subscriptions: a deployment configured through the API only.</summary>
    public static readonly PipelineConfig Empty = new([], []);

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and validates the configuration file.</summary>
    public static PipelineConfig Parse(string json, string source)
    {
        var problems = new List<string>();
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;
        var watches = new List<WatchConfig>();
        foreach (var (w, i) in Array(root, "watches").Select((w, i) => (w, i)))
        {
            if (ReadWatch(w, $"watches[{i}]", problems) is { } watch)
            {
                watches.Add(watch);
            }
        }

        if (watches.Count == 0)
        {
            problems.Add("at least one watch is required");
        }

        foreach (var dup in watches.GroupBy(w => w.Watch.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"watch id '{dup.Key}' is used twice");
        }

        var subscriptions = new List<SubscriptionConfig>();
        foreach (var (s, i) in Array(root, "subscriptions").Select((s, i) => (s, i)))
        {
            if (ReadSubscription(s, $"subscription-{i + 1}", problems) is { } subscription)
            {
                subscriptions.Add(subscription);
            }
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

    /// <summary>One watch as JSON (the shape of an entry of the file's "watches"); the problems are empty when it is valid.</summary>
    public static (WatchConfig? Watch, List<string> Problems) ParseWatch(string json) =>
        ParseOne(json, (e, problems) => ReadWatch(e, "watch", problems));

    /// <summary>One subscription as JSON (the shape of an entry of the file's "subscriptions"); the problems are empty when it is valid.</summary>
    public static (SubscriptionConfig? Subscription, List<string> Problems) ParseSubscription(string json) =>
        ParseOne(json, (e, problems) => ReadSubscription(e, null, problems));

    /// <summary>The watch with <paramref name="id"/>, or null.</summary>
    public WatchConfig? Watch(string id) => Watches.FirstOrDefault(w => w.Watch.Id == id);

    /// <summary>This configuration with <paramref name="watches"/> and <paramref name="subscriptions"/> added (those from the API); on an id clash the file's entry wins.</summary>
    public PipelineConfig With(IEnumerable<WatchConfig> watches, IEnumerable<SubscriptionConfig> subscriptions) => new(
        [.. Watches, .. watches.Where(w => Watch(w.Watch.Id) is null)],
        [.. Subscriptions, .. subscriptions.Where(s => Subscriptions.All(x => x.Id != s.Id))]);

    private static (T? Value, List<string> Problems) ParseOne<T>(string json, Func<JsonElement, List<string>, T?> read)
        where T : class
    {
        var problems = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ["the body must be a JSON object"]);
            }

            var value = read(doc.RootElement, problems);
            return problems.Count == 0 ? (value, problems) : (null, problems);
        }
        catch (JsonException ex)
        {
            return (null, ["the body is not valid JSON: " + ex.Message]);
        }
    }

    private static WatchConfig? ReadWatch(JsonElement w, string label, List<string> problems)
    {
        var name = Str(w, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{label}: \"name\" is required");
            return null;
        }

        var countries = Array(w, "countries").Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : "").ToList();
        foreach (var bad in countries.Where(c => c.Length != 2 || !c.All(char.IsAsciiLetter)))
        {
            problems.Add($"watch '{name}': country '{bad}' is not an ISO 3166 alpha-2 code");
        }

        var places = Array(w, "places").Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : "").ToList();
        if (places.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"watch '{name}': \"places\" must be a list of place names or gazetteer ids");
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

        foreach (var dup in feeds.GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"watch '{name}': feed id '{dup.Key}' is used twice");
        }

        return new WatchConfig(new Watch(name, countries, places.Count == 0 ? null : places), feeds);
    }

    private static SubscriptionConfig? ReadSubscription(JsonElement s, string? defaultId, List<string> problems)
    {
        var id = Str(s, "id") ?? defaultId;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add("subscription: \"id\" is required");
            return null;
        }

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
        if (Str(s, "minSeverity") is { } sev && (!Enum.TryParse(sev, true, out minSeverity) || !Enum.IsDefined(minSeverity) || int.TryParse(sev, out _)))
        {
            problems.Add($"subscription '{id}': \"minSeverity\" must be Minor, Moderate, Severe or Extreme");
        }

        var types = Array(s, "types").Select(x => x.GetString() ?? "").ToList();
        foreach (var bad in types.Where(t => !Detection.IndicatorType.All.Contains(t)))
        {
            problems.Add($"subscription '{id}': type '{bad}' is not an indicator type ({string.Join(", ", Detection.IndicatorType.All)})");
        }

        return new SubscriptionConfig(id, kind, url ?? "", secret, Array(s, "watches").Select(x => x.GetString() ?? "").ToList(), types, minSeverity);
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
