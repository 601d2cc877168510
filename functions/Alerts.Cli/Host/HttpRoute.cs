namespace Alerts.Cli.Host;

/// <summary>An HTTP trigger's route template ("orders/{id}", "items/{id?}") matched against a request path.</summary>
internal sealed class HttpRoute(string prefix, string template)
{
    private readonly string[] _segments = (prefix.Length == 0 ? template : $"{prefix}/{template}").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    public string Template { get; } = (prefix.Length == 0 ? "" : prefix + "/") + template.Trim('/');

    public Dictionary<string, string>? Match(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            var parameter = segment.StartsWith('{') && segment.EndsWith('}');
            if (i >= parts.Length)
            {
                return parameter && segment.EndsWith("?}", StringComparison.Ordinal) ? values : null;
            }

            if (parameter)
            {
                values[segment.Trim('{', '}', '?').Split(':')[0]] = Uri.UnescapeDataString(parts[i]);
            }
            else if (!segment.Equals(parts[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return parts.Length == _segments.Length ? values : null;
    }
}
