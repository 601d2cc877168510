using System.Text.Json;

namespace Alerts.Cli.Host;

/// <summary>A handler's reply: Outputs keyed by binding name (looked up case-sensitively, as the host does) and Logs.</summary>
internal sealed class InvocationReply : IDisposable
{
    private readonly JsonDocument _doc;

    private InvocationReply(JsonDocument doc) => _doc = doc;

    public IReadOnlyList<string> Logs { get; private init; } = [];

    public static InvocationReply? Parse(string body)
    {
        try
        {
            var doc = JsonDocument.Parse(body);
            var logs = Property(doc.RootElement, "Logs") is { ValueKind: JsonValueKind.Array } l
                ? l.EnumerateArray().Select(x => x.ToString()).ToList()
                : [];
            return new InvocationReply(doc) { Logs = logs };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public JsonElement Output(string binding) =>
        Property(_doc.RootElement, "Outputs") is { ValueKind: JsonValueKind.Object } outputs && outputs.TryGetProperty(binding, out var v) ? v : default;

    public void Dispose() => _doc.Dispose();

    // Top-level names match case-insensitively (Newtonsoft's default); binding names do not.
    private static JsonElement? Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault() : null;
}
