using System.Text.Json;
using Alerts.Core.Detection;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Situation;
using Alerts.Core.Storage;
using Alerts.Functions.Handler;

namespace Alerts.Functions.Pipeline;

/// <summary>
/// The pipeline's functions, each a thin adapter over one use case: ScheduleFeeds (timer) →
/// PollFeed → AnalyzeItem → FanOut → Deliver, connected by queues with versioned JSON messages.
/// </summary>
internal sealed class PipelineFunctions(PipelineConfig file, ConfigStore store, IQueueFactory queues, ITableFactory tables, FeedFetcher fetcher, Detector detector, HttpClient http)
{
    private readonly FeedStateStore _states = new(tables.GetTable("Feeds"));
    private readonly SeenItemStore _seen = new(tables.GetTable("SeenItems"), TimeProvider.System);
    private readonly ArticleTextStore _texts = new(tables.GetTable("Articles"));
    private readonly ITable _situation = tables.GetTable("Situation");
    private readonly ITable _deliveries = tables.GetTable("Deliveries");

    /// <summary>Creates the tables the pipeline uses.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        foreach (var name in new[] { "Feeds", "SeenItems", "Articles", "Situation", "Deliveries" })
        {
            await tables.GetTable(name).CreateIfNotExistsAsync(ct);
        }

        await store.CreateIfNotExistsAsync(ct);

        foreach (var name in new[] { "feed-polls", "items", "alerts", "deliveries" })
        {
            await queues.GetQueue(name).CreateIfNotExistsAsync(ct);
        }
    }

    /// <summary>How long a read of the API's watches and subscriptions serves invocations: changes apply within this time.</summary>
    public static readonly TimeSpan ConfigRefresh = TimeSpan.FromSeconds(5);

    private volatile ConfigSnapshot? _config;

    // The file's watches and subscriptions plus the API's, re-read at most every ConfigRefresh.
    private async Task<(PipelineConfig Config, InvocationResult Result)> ConfigAsync(CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var snapshot = _config;
        if (snapshot is null || now - snapshot.Read > ConfigRefresh)
        {
            var (fresh, bad) = await store.EffectiveAsync(file, ct);
            _config = snapshot = new ConfigSnapshot(now, fresh, bad);
        }

        return (snapshot.Config, new InvocationResult().Log(snapshot.Problems));
    }

    public async Task<InvocationResult> ScheduleFeedsAsync(Invocation invocation, CancellationToken ct)
    {
        var (config, result) = await ConfigAsync(ct);
        var due = await new FeedScheduler(config, _states, TimeProvider.System).DueAsync(ct);
        return result
            .Queue("polls", due.Select(p => JsonSerializer.Serialize(p, PipelineJson.Default.FeedPoll)))
            .Log($"{due.Count} feed(s) due");
    }

    public async Task<InvocationResult> PollFeedAsync(Invocation invocation, CancellationToken ct)
    {
        var poll = Read(invocation.QueueMessage("poll"), PipelineJson.Default.FeedPoll);
        var (config, result) = await ConfigAsync(ct);
        var (items, summary) = await new FeedPoller(config, _states, _seen, _texts, fetcher, new FeedReader()).PollAsync(poll, ct);
        return result.Queue("items", items.Select(i => JsonSerializer.Serialize(i, PipelineJson.Default.ItemMessage))).Log(summary);
    }

    public async Task<InvocationResult> AnalyzeItemAsync(Invocation invocation, CancellationToken ct)
    {
        var item = Read(invocation.QueueMessage("item"), PipelineJson.Default.ItemMessage);
        var (config, result) = await ConfigAsync(ct);
        var analyzer = new ItemAnalyzer(config, _texts, _seen, detector, new NoveltyEngine(new TableSituationStore(_situation)));
        var (alerts, summary) = await analyzer.AnalyzeAsync(item, ct);
        return result.Queue("alerts", alerts.Select(a => JsonSerializer.Serialize(new AlertMessage(1, a), PipelineJson.Default.AlertMessage))).Log(summary);
    }

    public async Task<InvocationResult> FanOutAsync(Invocation invocation, CancellationToken ct)
    {
        var alert = Read(invocation.QueueMessage("alert"), PipelineJson.Default.AlertMessage).Alert;
        var (config, result) = await ConfigAsync(ct);
        var targets = config.Subscriptions.Where(s => s.Matches(alert)).ToList();
        return result
            .Queue("deliveries", targets.Select(s => JsonSerializer.Serialize(new DeliveryMessage(1, s.Id, alert), PipelineJson.Default.DeliveryMessage)))
            .Log($"{alert.Kind} {alert.Type} {alert.Subject}: {targets.Count} subscription(s)");
    }

    public async Task<InvocationResult> DeliverAsync(Invocation invocation, CancellationToken ct)
    {
        var delivery = Read(invocation.QueueMessage("delivery"), PipelineJson.Default.DeliveryMessage);
        var (config, _) = await ConfigAsync(ct);
        var subscription = config.Subscriptions.FirstOrDefault(s => s.Id == delivery.Subscription);
        if (subscription is null)
        {
            return new InvocationResult().Log($"subscription '{delivery.Subscription}' is no longer configured; dropped");
        }

        var id = DeliverySender.DeliveryId(delivery.Alert.Id, subscription.Id);
        if (await _deliveries.GetAsync(subscription.Id, id, ct) is { } done && done.GetString("Status") is "delivered" or "permanent")
        {
            return new InvocationResult().Log($"{id} already {done.GetString("Status")}");
        }

        var result = await new DeliverySender(http, TimeProvider.System).SendAsync(subscription, delivery.Alert, ct);
        var record = new TableEntity(subscription.Id, id)
        {
            ["Status"] = result.Outcome.ToString().ToLowerInvariant(),
            ["HttpStatus"] = result.Status,
            ["Detail"] = result.Detail,
            ["AlertId"] = delivery.Alert.Id,
            ["Time"] = DateTimeOffset.UtcNow,
        };
        await _deliveries.UpsertAsync(record, TableUpdateMode.Merge, ct);
        var line = $"{id} to {subscription.Id} ({DeliverySender.Redact(subscription.Url)}): {result.Detail}";
        return result.Outcome == DeliveryOutcome.Retry
            ? throw new InvalidOperationException(line + "; will retry") // fail the invocation so the host retries it
            : new InvocationResult().Log(line);
    }

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var value = JsonSerializer.Deserialize(json, type) ?? throw new InvocationException("empty message");
        return value;
    }
}

internal sealed record ConfigSnapshot(DateTimeOffset Read, PipelineConfig Config, IReadOnlyList<string> Problems);
