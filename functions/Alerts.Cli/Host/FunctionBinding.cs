using System.Text.Json;

namespace Alerts.Cli.Host;

/// <summary>One binding of a function.json, with the properties the local host uses.</summary>
internal sealed record FunctionBinding(string Name, string Type, string Direction, JsonElement Raw)
{
    public string? Get(string property) =>
        Raw.TryGetProperty(property, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    public bool GetBool(string property) => Raw.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;

    public IReadOnlyList<string> GetList(string property) =>
        Raw.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
}
