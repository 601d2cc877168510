using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>
/// /api/watches and /api/subscriptions under the real `alerts run` and Alerts handler: validation with
/// problem responses, file entries read-only, secrets hidden, and an API-added Slack subscription that
/// receives the scenario's alerts from a feed published only once the API calls are done.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineApiTests
{
    private const string Rss = """
        <rss version="2.0"><channel><title>Sample wire</title><link>https://wire.example/</link>
        <item><title>Curfew in Lachin</title><link>https://wire.example/c1</link><guid isPermaLink="false">c1</guid>
          <description>Azerbaijan imposed a curfew in Lachin on Friday after clashes with Armenia, the interior ministry said.</description></item>
        </channel></rss>
        """;

    private const string EmptyRss = """<rss version="2.0"><channel><title>Sample wire</title><link>https://wire.example/</link></channel></rss>""";

    [Fact]
    public async Task Api_WatchesAndSubscriptions_ValidateStoreAndDriveThePipeline()
    {
        var published = false;
        await using var feeds = PipelineRig.FeedServer(() => Volatile.Read(ref published) ? Rss : EmptyRss);
        var slack = new List<string>();
        await using var slackReceiver = new TestHttpServer(async c =>
        {
            using var reader = new StreamReader(c.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (slack)
            {
                slack.Add(body);
            }

            c.Response.StatusCode = 200;
            await c.Response.OutputStream.WriteAsync("ok"u8.ToArray());
        });
        await using var azurite = await HostProcess.FreshAzuriteAsync();
        var settings = await PipelineRig.SettingsAsync(azurite.Fixture, new
        {
            watches = new[] { new { name = "File watch", countries = new[] { "AZ" }, feeds = Array.Empty<object>() } },
            subscriptions = new[] { new { id = "file-hook", kind = "webhook", url = "http://127.0.0.1:9/hook/secret-path", secret = WebhookSecret.Generate(), types = new[] { "shelling" } } },
        });
        await using var host = await HostProcess.StartAsync(HostProcess.AlertsApp, settings, "A");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/api/") };
        http.DefaultRequestHeaders.Add("x-functions-key", PipelineRig.FunctionKey);

        // Invalid bodies: 400 with every problem listed.
        var bad = await http.PostAsync("watches", Json(new { name = "Caucasus", countries = new[] { "Armenia" }, feeds = new[] { new { url = "ftp://x" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("'Armenia' is not an ISO 3166", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("feeds[0]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("subscriptions", Json(new { id = "s", kind = "pager", url = "nope", minSeverity = "Huge", types = new[] { "riots" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("watches", new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode);

        // File entries are read-only here.
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync("watches/file-watch")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync("subscriptions", Json(new { id = "file-hook", kind = "slack", url = "http://127.0.0.1:9/x" }))).StatusCode);

        // A watch and a Slack subscription through the API.
        var watch = new { name = "Caucasus", countries = new[] { "AM", "AZ" }, places = new[] { "Tbilisi" }, feeds = new[] { new { id = "wire", url = feeds.Url + "rss", interval = "00:00:05" } } };
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("watches", Json(watch))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync("watches", Json(watch))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsync("watches/other", Json(watch))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("watches/caucasus", Json(watch))).StatusCode);
        var slackUrl = slackReceiver.Url + "services/T000/B000/very-secret-token";
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("subscriptions", Json(new { id = "desk", kind = "slack", url = slackUrl, watches = new[] { "caucasus" } }))).StatusCode);
        var temporary = new { id = "temp", kind = "slack", url = slackUrl };
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("subscriptions", Json(temporary))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("subscriptions/temp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("subscriptions/temp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("watches/nowhere")).StatusCode);

        var watchesText = await http.GetStringAsync("watches");
        var watches = JsonDocument.Parse(watchesText).RootElement;
        Assert.True(watches.TryGetProperty("watches", out _), watchesText);
        Assert.Equal(["file-watch:file", "caucasus:api"], watches.GetProperty("watches").EnumerateArray().Select(w => $"{w.GetProperty("id").GetString()}:{w.GetProperty("source").GetString()}"));
        var caucasus = JsonDocument.Parse(await http.GetStringAsync("watches/caucasus")).RootElement;
        Assert.Equal(["Tbilisi"], caucasus.GetProperty("places").EnumerateArray().Select(p => p.GetString()));
        var subscriptionsText = await http.GetStringAsync("subscriptions");
        Assert.DoesNotContain("very-secret-token", subscriptionsText, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", subscriptionsText, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", subscriptionsText, StringComparison.Ordinal);
        var subscriptions = JsonDocument.Parse(subscriptionsText).RootElement.GetProperty("subscriptions").EnumerateArray().ToList();
        Assert.Equal(["file-hook", "desk"], subscriptions.Select(s => s.GetProperty("id").GetString()));
        Assert.True(subscriptions[0].GetProperty("hasSecret").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient().GetAsync($"http://127.0.0.1:{host.Port}/api/watches")).StatusCode);

        // Now the feed publishes: the API's watch polls it and the API's Slack subscription gets the alert.
        Volatile.Write(ref published, true);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && Count(slack) < 1)
        {
            await Task.Delay(250);
        }

        await Task.Delay(3000); // no second message for the same alert
        List<string> got;
        lock (slack)
        {
            got = slack.ToList();
        }

        var message = Assert.Single(got);
        var root = JsonDocument.Parse(message).RootElement;
        var header = root.GetProperty("blocks")[0];
        Assert.Equal("header", header.GetProperty("type").GetString());
        Assert.Contains("Lacin", header.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("curfew", root.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.Lines, l => l.Contains("very-secret-token", StringComparison.Ordinal));
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
