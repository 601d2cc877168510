using System.Text.Json.Serialization;
using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>A feed due for polling (queue feed-polls).</summary>
public sealed record FeedPoll(int V, string Watch, string Feed);

/// <summary>A new item to analyse (queue items); the text is stored, not carried.</summary>
public sealed record ItemMessage(int V, string Watch, string Feed, string ItemKey, string TextId, string Source, string? Link, DateTimeOffset Published);

/// <summary>An alert to fan out (queue alerts).</summary>
public sealed record AlertMessage(int V, AlertEvent Alert);

/// <summary>One delivery to one subscription (queue deliveries).</summary>
public sealed record DeliveryMessage(int V, string Subscription, AlertEvent Alert);

/// <summary>Source-generated JSON for the pipeline's messages.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedPoll))]
[JsonSerializable(typeof(ItemMessage))]
[JsonSerializable(typeof(AlertMessage))]
[JsonSerializable(typeof(DeliveryMessage))]
public sealed partial class PipelineJson : JsonSerializerContext;
