using System.Globalization;
using System.Text.Json;
using Alerts.Core.Detection;
using Alerts.Core.Text;
using Alerts.Functions.Handler;

namespace Alerts.Functions.Analyze;

/// <summary>
/// <c>POST /api/analyze</c>: the indicators in an article. Body: text (text/plain or text/html), or
/// JSON <c>{"text", "html", "published", "countries"}</c>. Bad input gets a 400 problem response.
/// </summary>
internal sealed class AnalyzeFunction(Detector detector)
{
    public const int MaxTextLength = 1_000_000;

    public Task<InvocationResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var req = invocation.Http("req");
        var (input, problem) = Read(req);
        if (input is null)
        {
            return Task.FromResult(new InvocationResult().Problem("res", 400, "Bad request", problem!));
        }

        var indicators = detector.Detect(input);
        return Task.FromResult(new InvocationResult().Http("res", 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("indicators");
            foreach (var i in indicators)
            {
                IndicatorJson.Write(w, i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static (ArticleInput? Input, string? Problem) Read(HttpTriggerRequest req)
    {
        var body = req.Body ?? "";
        if (body.Length == 0)
        {
            return (null, "The request body is empty; send the article as text, HTML or JSON {\"text\": …}.");
        }

        if (body.Length > MaxTextLength)
        {
            return (null, $"The article is {body.Length:N0} characters; the limit is {MaxTextLength:N0}.");
        }

        var type = req.Headers.TryGetValue("Content-Type", out var t) ? t : "text/plain";
        if (!type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (new ArticleInput(type.Contains("html", StringComparison.OrdinalIgnoreCase) ? HtmlText.ToText(body) : body), null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var text = root.TryGetProperty("text", out var tx) ? tx.GetString() : null;
            if (text is null && root.TryGetProperty("html", out var h) && h.GetString() is { } html)
            {
                text = HtmlText.ToText(html);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, "JSON body needs a non-empty \"text\" or \"html\".");
            }

            DateTimeOffset? published = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String)
            {
                if (!DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                {
                    return (null, $"\"published\" '{p.GetString()}' is not an ISO 8601 date.");
                }

                published = d;
            }

            var countries = root.TryGetProperty("countries", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length == 2).ToList()
                : null;
            return (new ArticleInput(text, published, countries), null);
        }
        catch (JsonException ex)
        {
            return (null, "The body is not valid JSON: " + ex.Message);
        }
    }
}
