using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.Json;
using Alerts.Core.Delivery;

namespace Alerts.Cli.Demo;

/// <summary>The demo's local servers: two sample outlets' RSS feeds releasing the scenario over time, a signed-webhook receiver and a Slack-compatible receiver that print what they get.</summary>
internal sealed class DemoServers : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly WebhookSecret _secret;
    private readonly TextWriter _out;
    private readonly HashSet<string> _seen = [];
    private readonly Task _loop;

    public DemoServers(int port, string secret, TextWriter output)
    {
        Port = port;
        _secret = WebhookSecret.Parse(secret);
        _out = output;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int Webhooks { get; private set; }

    /// <summary>Seconds from an article's release in its feed to the first webhook about it.</summary>
    public List<double> Latencies { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext c;
            try
            {
                c = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(c));
        }
    }

    private async Task HandleAsync(HttpListenerContext c)
    {
        try
        {
            var path = c.Request.Url!.AbsolutePath;
            if (path.StartsWith("/feeds/", StringComparison.Ordinal))
            {
                var body = Encoding.UTF8.GetBytes(Feed(path["/feeds/".Length..].Replace(".xml", "", StringComparison.Ordinal)));
                c.Response.ContentType = "application/rss+xml; charset=utf-8";
                await c.Response.OutputStream.WriteAsync(body);
            }
            else if (path == "/webhook")
            {
                await WebhookAsync(c);
            }
            else if (path == "/slack")
            {
                using var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8);
                using var doc = JsonDocument.Parse(await reader.ReadToEndAsync());
                var header = doc.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();
                Print($"SLACK    {header}");
                await c.Response.OutputStream.WriteAsync("ok"u8.ToArray());
            }
            else
            {
                c.Response.StatusCode = 404;
            }
        }
        finally
        {
            c.Response.Close();
        }
    }

    private async Task WebhookAsync(HttpListenerContext c)
    {
        using var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = c.Request.Headers["webhook-id"] ?? "";
        var valid = WebhookSigner.Verify(_secret, id, c.Request.Headers["webhook-timestamp"] ?? "", c.Request.Headers["webhook-signature"] ?? "", body, DateTimeOffset.UtcNow);
        if (!valid)
        {
            c.Response.StatusCode = 401;
            Print($"WEBHOOK  ✗ invalid signature for {id}");
            return;
        }

        bool duplicate;
        lock (_seen)
        {
            duplicate = !_seen.Add(id);
        }

        using var doc = JsonDocument.Parse(body);
        var r = doc.RootElement;
        var indicator = r.GetProperty("indicator");
        var count = indicator.GetProperty("count").ValueKind == JsonValueKind.Number ? $" count={indicator.GetProperty("count").GetInt64()}" : "";
        if (!duplicate)
        {
            Webhooks++;
            var slug = (r.TryGetProperty("link", out var l) ? l.GetString() ?? "" : "").Split('/')[^1];
            var article = DemoScenario.Articles.FirstOrDefault(a => a.Slug == slug);
            if (article is not null && r.GetProperty("kind").GetString() is "new" or "escalated" or "flip")
            {
                lock (Latencies)
                {
                    Latencies.Add((DateTimeOffset.UtcNow - (_start + article.At)).TotalSeconds);
                }
            }
        }

        Print($"WEBHOOK  ✓ signed {(duplicate ? "(duplicate id, ignored) " : "")}{r.GetProperty("kind").GetString(),-12} {r.GetProperty("severity").GetString(),-8} {indicator.GetProperty("type").GetString(),-15} {indicator.GetProperty("subject").GetString()}{count}  sources={r.GetProperty("sources").GetInt32()}  «{Shorten(r.GetProperty("evidence").GetString() ?? "")}»");
    }

    private string Feed(string feed)
    {
        var outlet = feed == "wire" ? "wire.example" : "daily.example";
        var elapsed = DateTimeOffset.UtcNow - _start;
        var items = new StringBuilder();
        foreach (var a in DemoScenario.Articles.Where(a => a.Feed == feed && a.At <= elapsed).Reverse())
        {
            items.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(a.Title)}</title><link>https://{outlet}/sample/{a.Slug}</link><guid isPermaLink=\"false\">{outlet}/{a.Slug}</guid>")
                 .Append(CultureInfo.InvariantCulture, $"<pubDate>{(_start + a.At).ToString("R", CultureInfo.InvariantCulture)}</pubDate><description>{SecurityElement.Escape(a.Text)}</description></item>");
        }

        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{outlet} (sample outlet)</title><link>https://{outlet}/</link>{items}</channel></rss>";
    }

    private void Print(string line)
    {
        lock (_out)
        {
            _out.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {line}");
            _out.Flush();
        }
    }

    private static string Shorten(string s) => s.Length > 90 ? s[..87] + "..." : s;
}
