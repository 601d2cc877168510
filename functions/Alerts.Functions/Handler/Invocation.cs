using System.Globalization;
using System.Text.Json;

namespace Alerts.Functions.Handler;

/// <summary>
/// One invocation as the Functions host sends it to a custom handler: <c>{"Data":{…},"Metadata":{…}}</c>.
/// Trigger values and metadata strings arrive JSON-encoded inside JSON strings (a queue message
/// <c>hello</c> is <c>"\"hello\""</c>, <c>DequeueCount</c> is <c>"1"</c>); the accessors undo that.
/// </summary>
internal sealed class Invocation(JsonElement data, JsonElement metadata, string invocationId)
{
    public string InvocationId { get; } = invocationId;

    public JsonElement Data { get; } = data;

    public JsonElement Metadata { get; } = metadata;

    /// <summary>The text of a queue-triggered message.</summary>
    public string QueueMessage(string binding)
    {
        if (!Data.TryGetProperty(binding, out var value))
        {
            throw new InvocationException($"the invocation has no Data.{binding}");
        }

        return value.ValueKind == JsonValueKind.String ? Unquote(value.GetString()!) : value.GetRawText();
    }

    /// <summary>How many times the host has delivered this message (1 on the first attempt).</summary>
    public long DequeueCount =>
        Metadata.TryGetProperty("DequeueCount", out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetInt64() : long.Parse(Unquote(v.GetString() ?? "0"), CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The queue message id, when the trigger is a queue.</summary>
    public string? MessageId =>
        Metadata.TryGetProperty("Id", out var v) && v.ValueKind == JsonValueKind.String ? Unquote(v.GetString()!) : null;

    /// <summary>The HTTP request of an HTTP-triggered invocation.</summary>
    public HttpTriggerRequest Http(string binding)
    {
        if (!Data.TryGetProperty(binding, out var req) || req.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationException($"the invocation has no HTTP request in Data.{binding}");
        }

        return new HttpTriggerRequest(
            req.TryGetProperty("Method", out var m) ? m.GetString() ?? "GET" : "GET",
            req.TryGetProperty("Url", out var u) ? u.GetString() ?? "" : "",
            Values(req, "Headers"),
            Values(req, "Query"),
            req.TryGetProperty("Body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null)
        {
            Params = Values(req, "Params"),
        };
    }

    // An object of the request ("Headers", "Query", "Params") as names to values, case-insensitive;
    // array values (headers) are joined with commas.
    private static Dictionary<string, string> Values(JsonElement req, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (req.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in o.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind == JsonValueKind.Array ? string.Join(",", p.Value.EnumerateArray().Select(x => x.GetString())) : p.Value.ToString();
            }
        }

        return values;
    }

    /// <summary>
    /// The host JSON-encodes string values once more; a value that is itself a JSON string literal is
    /// decoded, anything else is returned as it is.
    /// </summary>
    internal static string Unquote(string s)
    {
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(s) ?? s;
            }
            catch (JsonException)
            {
                return s;
            }
        }

        return s;
    }
}
