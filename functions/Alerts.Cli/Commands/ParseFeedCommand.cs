using System.CommandLine;
using System.Text.Json;
using Alerts.Core.Feeds;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts parse-feed [--format jsonl|table] FILE_OR_URL...</c>: the normalised feed per document.</summary>
internal static class ParseFeedCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "Feed files, or http(s) URLs." };
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object per document) or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var allowPrivate = new Option<bool>("--allow-private-addresses") { Description = "Allow URLs that resolve to loopback or private networks (local testing)." };
        var command = new Command("parse-feed", "Parse RSS, Atom and JSON Feed documents.") { inputs, format, allowPrivate };
        command.SetAction(async (parse, ct) =>
        {
            await using var stdout = Console.OpenStandardOutput();
            return await RunAsync(parse.GetValue(inputs)!, parse.GetValue(format)!, parse.GetValue(allowPrivate), stdout, Console.Error, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string[] inputs, string format, bool allowPrivate, Stream stdout, TextWriter stderr, CancellationToken ct)
    {
        var reader = new FeedReader();
        using var fetcher = new FeedFetcher(new FeedFetcherOptions { AllowPrivateAddresses = allowPrivate }, TimeProvider.System);
        using var table = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        var failures = 0;
        foreach (var input in inputs)
        {
            FeedDocument doc;
            if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var result = await fetcher.FetchAsync(new FeedState(input), ct);
                doc = result.Body is { } body ? reader.Parse(body, result.Charset) : FeedDocument.Failed(result.Error ?? $"HTTP {result.Status}");
            }
            else
            {
                try
                {
                    var info = new FileInfo(input);
                    doc = info.Length > new FeedReaderOptions().MaxDocumentBytes
                        ? FeedDocument.Failed($"file is {info.Length:N0} bytes; the limit is {new FeedReaderOptions().MaxDocumentBytes:N0}")
                        : reader.Parse(await File.ReadAllBytesAsync(input, ct));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    doc = FeedDocument.Failed(ex.Message);
                }
            }

            if (doc.Error is not null)
            {
                failures++;
                await stderr.WriteLineAsync($"error: {input}: {doc.Error}");
            }

            if (format == "jsonl")
            {
                Write(stdout, input, doc);
            }
            else
            {
                await WriteTableAsync(table, input, doc);
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static void Write(Stream stdout, string input, FeedDocument doc)
    {
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteString("file", input);
            if (doc.Error is not null)
            {
                w.WriteString("error", doc.Error);
                w.WriteEndObject();
            }
            else
            {
                w.WriteString("format", doc.Format);
                w.WriteString("title", doc.Title);
                w.WriteString("link", doc.Link);
                w.WriteString("published", FeedDate.Format(doc.Published));
                w.WriteString("updated", FeedDate.Format(doc.Updated));
                w.WriteBoolean("illFormed", doc.IllFormed);
                w.WriteString("problem", doc.Problem);
                w.WriteStartArray("entries");
                foreach (var e in doc.Entries)
                {
                    w.WriteStartObject();
                    w.WriteString("id", e.Id);
                    w.WriteString("title", e.Title);
                    w.WriteString("link", e.Link);
                    w.WriteString("published", FeedDate.Format(e.Published));
                    w.WriteString("updated", FeedDate.Format(e.Updated));
                    w.WriteString("summary", e.Summary);
                    w.WriteString("content", e.Content);
                    w.WriteString("author", e.Author);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        stdout.WriteByte((byte)'\n');
        stdout.Flush();
    }

    private static async Task WriteTableAsync(TextWriter o, string input, FeedDocument doc)
    {
        if (doc.Error is not null)
        {
            await o.WriteLineAsync($"{input}: ERROR {doc.Error}");
            return;
        }

        await o.WriteLineAsync($"{input}: {doc.Format} \"{doc.Title}\" {doc.Link} — {doc.Entries.Count} entries{(doc.IllFormed ? $" (ill-formed: {doc.Problem})" : "")}");
        foreach (var e in doc.Entries)
        {
            await o.WriteLineAsync($"  {FeedDate.Format(e.Published ?? e.Updated) ?? "(no date)",-20} {e.Title}  {e.Link}");
        }
    }
}
