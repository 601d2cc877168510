using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Cli.Host;

/// <summary>
/// local.settings.json "Values" (set as the handler's environment, as Core Tools does; variables
/// already in the environment win), and the %Name% indirection of binding properties.
/// </summary>
internal sealed partial class LocalSettings(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public static LocalSettings Load(string? path)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new HostConfigurationException([$"settings file {path} does not exist"]);
            }

            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (doc.RootElement.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in v.EnumerateObject())
                    {
                        values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new HostConfigurationException([$"{path} is not valid JSON: {ex.Message}"]);
            }
        }

        foreach (var key in values.Keys.ToList())
        {
            if (Environment.GetEnvironmentVariable(key) is { } fromEnvironment)
            {
                values[key] = fromEnvironment;
            }
        }

        return new LocalSettings(values);
    }

    public string? Get(string name) => Values.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    /// <summary>Replaces %Name% with the setting's value; throws naming a setting that is missing.</summary>
    public string Resolve(string text, string where)
    {
        return Indirection().Replace(text, m => Get(m.Groups[1].Value)
            ?? throw new HostConfigurationException([$"{where}: setting '{m.Groups[1].Value}' is not defined"]));
    }

    [GeneratedRegex("%([A-Za-z0-9_:.-]+)%")]
    private static partial Regex Indirection();
}
