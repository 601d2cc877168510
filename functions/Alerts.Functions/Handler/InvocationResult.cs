using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alerts.Functions.Handler;

/// <summary>
/// The reply to the host: <c>{"Outputs":{…},"Logs":[…],"ReturnValue":null}</c>. Output keys are the
/// exact binding names; queue outputs are always arrays of strings (a top-level string that happens
/// to be valid Base64 would be decoded by the host); an HTTP reply goes in an output binding with the
/// caller's status, while the host itself always gets 200.
/// </summary>
internal sealed class InvocationResult
{
    private readonly Dictionary<string, JsonNode?> _outputs = new(StringComparer.Ordinal);
    private readonly List<string> _logs = [];

    /// <summary>Messages for a queue output binding.</summary>
    public InvocationResult Queue(string binding, IEnumerable<string> messages)
    {
        var array = _outputs.TryGetValue(binding, out var existing) && existing is JsonArray a ? a : new JsonArray();
        foreach (var message in messages)
        {
            array.Add(JsonValue.Create(message));
        }

        _outputs[binding] = array;
        return this;
    }

    /// <summary>The HTTP response for an HTTP output binding.</summary>
    public InvocationResult Http(string binding, int status, string body, string contentType = "application/json")
    {
        _outputs[binding] = new JsonObject
        {
            ["statusCode"] = status,
            ["headers"] = new JsonObject { ["Content-Type"] = contentType },
            ["body"] = body,
        };
        return this;
    }

    /// <summary>An HTTP response whose JSON body <paramref name="write"/> writes.</summary>
    public InvocationResult Http(string binding, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return Http(binding, status, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// An HTTP problem response (RFC 9457, <c>application/problem+json</c>): type, title, status,
    /// detail, and <c>errors</c> when there is a list of them.
    /// </summary>
    public InvocationResult Problem(string binding, int status, string title, string detail, IReadOnlyList<string>? errors = null)
    {
        var problem = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail };
        if (errors is not null)
        {
            problem["errors"] = new JsonArray(errors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }

        return Http(binding, status, problem.ToJsonString(), "application/problem+json");
    }

    /// <summary>A line the host writes to the invocation's log.</summary>
    public InvocationResult Log(string line)
    {
        _logs.Add(line);
        return this;
    }

    /// <summary>Lines the host writes to the invocation's log.</summary>
    public InvocationResult Log(IEnumerable<string> lines)
    {
        _logs.AddRange(lines);
        return this;
    }

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["Outputs"] = new JsonObject(_outputs.Select(o => KeyValuePair.Create(o.Key, o.Value))),
            ["Logs"] = new JsonArray(_logs.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["ReturnValue"] = null,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
