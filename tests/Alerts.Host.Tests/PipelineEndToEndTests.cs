using System.Net;
using System.Text;
using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>The Alerts app's pipeline under the real `alerts run`: a local feed server → analysis → novelty → a local signed-webhook receiver.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineEndToEndTests(AzuriteFixture azurite)
{
    private const string Rss = """
        <rss version="2.0"><channel><title>Sample wire</title><link>https://wire.example/</link>
        <item><title>Armenia declares martial law</title><link>https://wire.example/a1</link><guid isPermaLink="false">a1</guid>
          <description>Armenia declared martial law on Sunday after fighting broke out, the government said.</description></item>
        <item><title>Martial law confirmed</title><link>https://daily.example/b1</link><guid isPermaLink="false">b1</guid>
          <description>Officials confirmed that Armenia declared martial law. The town of Martakert was shelled overnight, Armenia said.</description></item>
        </channel></rss>
        """;

    [Fact]
    public async Task Pipeline_FeedToWebhook_AlertsArriveOnceEachWithValidSignatures()
    {
        var secret = WebhookSecret.Generate();
        var received = new List<(string Id, string Body, bool Valid)>();
        await using var feeds = new TestHttpServer(async c =>
        {
            var body = Encoding.UTF8.GetBytes(Rss);
            c.Response.ContentType = "application/rss+xml";
            await c.Response.OutputStream.WriteAsync(body);
        });
        await using var receiver = new TestHttpServer(async c =>
        {
            using var reader = new StreamReader(c.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var id = c.Request.Headers["webhook-id"] ?? "";
            var valid = WebhookSigner.Verify(WebhookSecret.Parse(secret), id, c.Request.Headers["webhook-timestamp"] ?? "", c.Request.Headers["webhook-signature"] ?? "", body, DateTimeOffset.UtcNow);
            lock (received)
            {
                received.Add((id, body, valid));
            }

            c.Response.StatusCode = valid ? 200 : 401;
        });
        var dir = Directory.CreateTempSubdirectory("alerts-e2e-").FullName;
        var config = Path.Combine(dir, "alerts.config.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            watches = new[] { new { name = "E2E", countries = new[] { "AM", "AZ" }, feeds = new[] { new { id = "wire", url = feeds.Url + "rss", interval = "00:00:05" } } } },
            subscriptions = new[] { new { id = "hook", kind = "webhook", url = receiver.Url + "hook", secret } },
        }));
        var settings = HostProcess.Settings(azurite, new Dictionary<string, string>
        {
            ["Alerts__ConfigPath"] = config,
            ["Alerts__AllowPrivateAddresses"] = "true",
            ["FunctionKeys__default"] = "k",
        });

        await using var host = await HostProcess.StartAsync(HostProcess.AlertsApp, settings, "A");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && received.Count < 3)
        {
            await Task.Delay(250);
        }

        await Task.Delay(3000); // later polls of the unchanged feed must not deliver again
        List<(string Id, string Body, bool Valid)> got;
        lock (received)
        {
            got = received.ToList();
        }

        var kinds = got.Select(r => JsonDocument.Parse(r.Body).RootElement).Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("indicator").GetProperty("type").GetString()} {e.GetProperty("indicator").GetProperty("subject").GetString()}").ToList();
        Assert.All(got, r => Assert.True(r.Valid));
        Assert.Equal(got.Count, got.Select(r => r.Id).Distinct().Count());
        Assert.Contains("new martial_law Armenia", kinds);
        Assert.Contains("corroborated martial_law Armenia", kinds);
        Assert.Contains("new shelling Martakert", kinds);
        Assert.Single(kinds, k => k == "new martial_law Armenia");
        Assert.Equal(3, got.Count);
    }
}
