using System.Text.Json;

namespace Alerts.Core.Feeds;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org).</summary>
public sealed partial class FeedReader
{
    private FeedDocument Json(string text, string? problem)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = _options.MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var version = Str(root, "version");
        if (version is null || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            return FeedDocument.Failed("JSON document without a jsonfeed.org version");
        }

        var entries = new List<FeedEntry>();
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Take(_options.MaxEntries + 1))
            {
                entries.Add(new FeedEntry(
                    Str(item, "id"),
                    Blank(Str(item, "title")),
                    Blank(Str(item, "url")) ?? Blank(Str(item, "external_url")),
                    FeedDate.Parse(Str(item, "date_published")),
                    FeedDate.Parse(Str(item, "date_modified")),
                    Blank(Str(item, "summary")),
                    Blank(Str(item, "content_html")) ?? Blank(Str(item, "content_text")),
                    Author(item)));
            }
        }

        return new FeedDocument(version.EndsWith("1.1", StringComparison.Ordinal) ? "json11" : "json10", Blank(Str(root, "title")), Blank(Str(root, "home_page_url")), null, null, entries, problem is not null, problem);
    }

    private static string? Author(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0)
        {
            return Blank(Str(authors[0], "name"));
        }

        return item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? Blank(Str(author, "name")) : null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
