using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Core.Storage;

namespace Alerts.Cli.Host;

/// <summary>
/// The host's side of the custom-handler contract: request payloads shaped exactly as the Functions
/// host builds them (strings JSON-encoded once more, DequeueCount as a string, a JSON message's
/// top-level properties merged into Metadata), and the reading of Outputs and Logs.
/// </summary>
internal static class InvocationPayloads
{
    public static string Queue(string binding, QueueMessage message, string function, DateTimeOffset now)
    {
        var metadata = new JsonObject
        {
            ["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture),
            ["ExpirationTime"] = message.ExpiresOn.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["Id"] = JsonSerializer.Serialize(message.MessageId),
            ["InsertionTime"] = message.InsertedOn.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["NextVisibleTime"] = message.NextVisibleOn.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["PopReceipt"] = JsonSerializer.Serialize(message.PopReceipt),
        };

        // The host merges a JSON message's top-level non-array properties into the binding data,
        // overriding same-named metadata (case-insensitively). Handlers must cope; so do we.
        try
        {
            if (JsonNode.Parse(message.Text) is JsonObject payload)
            {
                foreach (var (key, value) in payload)
                {
                    if (value is not JsonArray)
                    {
                        var existing = metadata.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                        if (existing is not null)
                        {
                            metadata.Remove(existing);
                        }

                        metadata[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? JsonSerializer.Serialize(s) : value?.ToJsonString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: nothing to merge
        }

        metadata["sys"] = Sys(function, now);
        return new JsonObject
        {
            ["Data"] = new JsonObject { [binding] = JsonSerializer.Serialize(message.Text) },
            ["Metadata"] = metadata,
        }.ToJsonString();
    }

    public static string Timer(string binding, string function, DateTimeOffset? last, DateTimeOffset next, bool pastDue, DateTimeOffset now) =>
        new JsonObject
        {
            ["Data"] = new JsonObject
            {
                [binding] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = last is null ? null : new JsonObject
                    {
                        ["Last"] = last.Value.ToString("O", CultureInfo.InvariantCulture),
                        ["Next"] = next.ToString("O", CultureInfo.InvariantCulture),
                        ["LastUpdated"] = now.ToString("O", CultureInfo.InvariantCulture),
                    },
                    ["IsPastDue"] = pastDue,
                },
            },
            ["Metadata"] = new JsonObject { ["sys"] = Sys(function, now) },
        }.ToJsonString();

    public static string Http(string binding, string url, string method, IEnumerable<KeyValuePair<string, string[]>> headers, IEnumerable<KeyValuePair<string, string>> query, IReadOnlyDictionary<string, string> routeParams, string? body, string function, DateTimeOffset now)
    {
        var headerObject = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray(h.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()))));
        var queryObject = new JsonObject(query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)JsonValue.Create(q.Value))));
        var req = new JsonObject
        {
            ["Url"] = url,
            ["Method"] = method.ToUpperInvariant(),
            ["Query"] = queryObject,
            ["Headers"] = headerObject,
            ["Params"] = new JsonObject(routeParams.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["Identities"] = new JsonArray(),
        };
        if (!string.IsNullOrEmpty(body))
        {
            req["Body"] = body;
        }

        return new JsonObject
        {
            ["Data"] = new JsonObject { [binding] = req },
            ["Metadata"] = new JsonObject { ["Query"] = queryObject.DeepClone(), ["Headers"] = headerObject.DeepClone(), ["sys"] = Sys(function, now) },
        }.ToJsonString();
    }

    /// <summary>The messages for a queue output binding, read as the host reads them.</summary>
    public static IReadOnlyList<string> QueueMessages(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return [];
            case JsonValueKind.Array:
                return value.EnumerateArray().Select(Element).Where(s => s is not null).Select(s => s!).ToList();
            case JsonValueKind.String:
                var s = value.GetString()!;
                var trimmed = s.Trim();
                if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(trimmed);
                        return doc.RootElement.ValueKind == JsonValueKind.Array
                            ? QueueMessages(doc.RootElement.Clone())
                            : [doc.RootElement.GetRawText()];
                    }
                    catch (JsonException)
                    {
                        return [s];
                    }
                }

                // The host Base64-decodes a top-level string that happens to be valid Base64.
                var buffer = new byte[s.Length];
                return Convert.TryFromBase64String(s, buffer, out var n) && n > 0 ? [Encoding.UTF8.GetString(buffer, 0, n)] : [s];
            default:
                return [value.GetRawText()];
        }
    }

    private static string? Element(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(e, new JsonSerializerOptions { WriteIndented = true }),
        _ => e.GetRawText(),
    };

    private static JsonObject Sys(string function, DateTimeOffset now) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}
