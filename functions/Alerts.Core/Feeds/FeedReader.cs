using System.Text.Json;
using System.Xml.Linq;

namespace Alerts.Core.Feeds;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and 0.90, Atom 0.3 and 1.0, and JSON Feed 1.0/1.1 into one
/// model. Forgiving like the readers people use (wrong encodings, undeclared entities, truncated
/// documents are recovered and flagged) and safe (no DTDs, size, depth, entry and field limits;
/// a hostile document gives an error result, never an exception).
/// </summary>
public sealed partial class FeedReader
{
    private readonly FeedReaderOptions _options;

    /// <summary>A reader with the given limits (defaults when null).</summary>
    public FeedReader(FeedReaderOptions? options = null)
    {
        _options = options ?? new FeedReaderOptions();
        _options.Validate();
    }

    /// <summary>Parses a document; <paramref name="httpCharset"/> is the charset of the HTTP Content-Type, if any.</summary>
    public FeedDocument Parse(ReadOnlySpan<byte> bytes, string? httpCharset = null)
    {
        if (bytes.Length > _options.MaxDocumentBytes)
        {
            return FeedDocument.Failed($"document is {bytes.Length:N0} bytes; the limit is {_options.MaxDocumentBytes:N0}");
        }

        try
        {
            var (text, encodingProblem) = FeedDecoding.Decode(bytes, httpCharset);
            var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (trimmed.Length == 0)
            {
                return FeedDocument.Failed("empty document");
            }

            if (trimmed.StartsWith('{'))
            {
                return Limit(Json(trimmed, encodingProblem));
            }

            var (root, xmlProblem) = FeedXml.Parse(text, _options);
            var problem = Join(encodingProblem, xmlProblem);
            if (root is null)
            {
                return FeedDocument.Failed(problem ?? "no XML element found");
            }

            var doc = root.Name.LocalName.ToLowerInvariant() switch
            {
                "rss" or "channel" => Rss(root, "rss"),
                "rdf" => Rss(root, "rdf"),
                "feed" => Atom(root),
                _ => null,
            };
            if (doc is null)
            {
                return FeedDocument.Failed($"<{root.Name.LocalName}> is not a feed (expected rss, rdf:RDF or feed)");
            }

            return Limit(doc with { IllFormed = problem is not null, Problem = problem });
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            return FeedDocument.Failed($"unreadable: {ex.Message}");
        }
    }

    private FeedDocument Limit(FeedDocument doc)
    {
        var problems = new List<string>();
        var entries = doc.Entries;
        if (entries.Count > _options.MaxEntries)
        {
            problems.Add($"{entries.Count} entries; kept the first {_options.MaxEntries}");
            entries = entries.Take(_options.MaxEntries).ToList();
        }

        var max = _options.MaxFieldLength;
        string? Cut(string? s)
        {
            if (s is null || s.Length <= max)
            {
                return s;
            }

            problems.Add($"a field of {s.Length:N0} characters cut to {max:N0}");
            return s[..max];
        }

        entries = entries.Select(e => e with { Title = Cut(e.Title), Summary = Cut(e.Summary), Content = Cut(e.Content), Link = Cut(e.Link), Id = Cut(e.Id), Author = Cut(e.Author) }).ToList();
        if (problems.Count == 0)
        {
            return doc with { Entries = entries };
        }

        return doc with { Entries = entries, Title = Cut(doc.Title), IllFormed = true, Problem = Join(doc.Problem, string.Join("; ", problems.Distinct())) };
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
