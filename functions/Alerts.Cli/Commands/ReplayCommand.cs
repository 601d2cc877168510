using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Core.Detection;
using Alerts.Core.Situation;
using Alerts.Core.Text;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts replay [--format jsonl|table] MANIFEST.json</c>: runs a manifest of dated articles
/// (<c>{"watch":{"name","countries","places"},"articles":[{"file","published","source"}]}</c>, files relative to
/// the manifest) through detection and novelty in time order, with in-memory state, printing one
/// line per alert event.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "The replay manifest (JSON)." };
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var command = new Command("replay", "Replay dated articles through detection and novelty, printing alert events.") { manifest, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var stdout = Console.OpenStandardOutput();
            return await RunAsync(parse.GetValue(manifest)!, parse.GetValue(format)!, stdout, Console.Error, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(string manifestPath, string format, Stream stdout, TextWriter stderr, CancellationToken ct)
    {
        Watch watch;
        List<(string File, DateTimeOffset Published, string Source)> articles;
        try
        {
            (watch, articles) = Load(manifestPath);
        }
        catch (Exception ex) when (ex is IOException or JsonException or FormatException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {manifestPath}: {ex.Message}");
            return 2;
        }

        var detector = new Detector();
        // The replay's clock is the manifest's: each article is processed at its own publication time.
        var clock = new ReplayClock();
        var engine = new NoveltyEngine(new InMemorySituationStore(), time: clock);
        using var table = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        foreach (var (file, published, source) in articles.OrderBy(a => a.Published))
        {
            var path = Path.Combine(baseDir, file);
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"error: {file} (listed in the manifest) does not exist");
                return 2;
            }

            var text = await File.ReadAllTextAsync(path, ct);
            if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            {
                text = HtmlText.ToText(text);
            }

            clock.Now = published;
            var indicators = detector.Detect(new ArticleInput(text, published, watch.Countries));
            foreach (var e in await engine.ProcessAsync(watch, new ArticleRef(file, source, published), indicators, ct))
            {
                if (format == "jsonl")
                {
                    Write(stdout, e);
                }
                else
                {
                    await table.WriteLineAsync($"{e.Time:yyyy-MM-dd HH:mm}  {e.Kind,-12} {e.Severity,-8} {e.Type,-17} {e.Subject,-22} {e.Count?.ToString(CultureInfo.InvariantCulture) ?? "",6}  sources={e.Sources}  {e.Article}");
                }
            }
        }

        return 0;
    }

    private static (Watch, List<(string, DateTimeOffset, string)>) Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var w = root.GetProperty("watch");
        var watch = new Watch(
            w.GetProperty("name").GetString() ?? throw new FormatException("watch.name is missing"),
            w.TryGetProperty("countries", out var c) ? c.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            w.TryGetProperty("places", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).ToList() : null);
        var articles = root.GetProperty("articles").EnumerateArray().Select(a => (
            a.GetProperty("file").GetString() ?? throw new FormatException("an article has no file"),
            DateTimeOffset.Parse(a.GetProperty("published").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            a.TryGetProperty("source", out var s) ? s.GetString() ?? "unknown" : "unknown")).ToList();
        return (watch, articles);
    }

    private static void Write(Stream stdout, AlertEvent e)
    {
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("watch", e.Watch);
            w.WriteString("kind", e.Kind);
            w.WriteString("type", e.Type);
            w.WriteString("subject", e.Subject);
            if (e.Count is { } count)
            {
                w.WriteNumber("count", count);
            }
            else
            {
                w.WriteNull("count");
            }

            w.WriteString("severity", e.Severity.ToString());
            w.WriteNumber("sources", e.Sources);
            w.WriteString("article", e.Article);
            w.WriteString("subjectId", e.SubjectId);
            w.WriteString("evidence", e.Evidence);
            w.WriteString("claimedBy", e.ClaimedBy);
            w.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}

/// <summary>A clock set by the replay to each article's time.</summary>
internal sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
