using Alerts.Core.Delivery;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>The Alerts app's pipeline under the real `alerts run`: a local feed server → analysis → novelty → a local signed-webhook receiver.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineEndToEndTests
{
    private const string Rss = """
        <rss version="2.0"><channel><title>Sample wire</title><link>https://wire.example/</link>
        <item><title>Armenia declares martial law</title><link>https://wire.example/a1</link><guid isPermaLink="false">a1</guid>
          <description>Armenia declared martial law on Sunday after fighting broke out, the government said.</description></item>
        <item><title>Martial law confirmed</title><link>https://daily.example/b1</link><guid isPermaLink="false">b1</guid>
          <description>Officials confirmed that Armenia declared martial law. The town of Martakert was shelled overnight, Armenia said.</description></item>
        </channel></rss>
        """;

    // The first item alone: the wire's story, before the second outlet has it.
    private static readonly string FirstItemOnly = Rss[..(Rss.IndexOf("<item><title>Martial law confirmed", StringComparison.Ordinal))] + "</channel></rss>";

    [Fact]
    public async Task Pipeline_FeedToWebhook_AlertsArriveInOrderOnceEachWithValidSignatures()
    {
        var secret = WebhookSecret.Generate();
        var received = new List<(string Id, string Body, bool Valid)>();
        // The second outlet's story is published only after the first alert has arrived.
        await using var feeds = PipelineRig.FeedServer(() =>
        {
            lock (received)
            {
                return received.Count > 0 ? Rss : FirstItemOnly;
            }
        });
        await using var receiver = new TestHttpServer(async c =>
        {
            var delivery = await PipelineRig.ReadSignedAsync(c, secret);
            lock (received)
            {
                received.Add(delivery);
            }

            c.Response.StatusCode = delivery.Valid ? 200 : 401;
        });
        await using var azurite = await HostProcess.FreshAzuriteAsync();
        var settings = await PipelineRig.SettingsAsync(azurite.Fixture, Config(feeds, receiver, secret));

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

        var kinds = got.Select(r => PipelineRig.Describe(r.Body)).ToList();
        Assert.All(got, r => Assert.True(r.Valid));
        Assert.Equal(got.Count, got.Select(r => r.Id).Distinct().Count());
        Assert.Contains("new martial_law Armenia", kinds);
        Assert.Contains("corroborated martial_law Armenia", kinds);
        Assert.Contains("new shelling Martakert", kinds);
        Assert.Single(kinds, k => k == "new martial_law Armenia");
        Assert.Equal(3, got.Count);
        Assert.Equal("new martial_law Armenia", kinds[0]); // then the second outlet's corroboration and its own news
    }

    /// <summary>
    /// The first delivery attempt gets a 500 (its Deliver invocation fails and is retried), and the
    /// handler process is killed while the second delivery is in flight (the host restarts it and the
    /// message comes back). Every alert still arrives, signed, under one webhook-id per alert: a
    /// delivery cut off by the kill may be sent again, with the same id, so receivers dedupe.
    /// </summary>
    [Fact]
    public async Task Pipeline_DeliveryFailsAndHandlerKilledMidBatch_EveryAlertArrivesUnderOneIdEach()
    {
        var secret = WebhookSecret.Generate();
        var received = new List<(string Id, string Body, bool Valid, int Status)>();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = 0;
        await using var feeds = PipelineRig.FeedServer(() => Rss);
        await using var receiver = new TestHttpServer(async c =>
        {
            var (id, body, valid) = await PipelineRig.ReadSignedAsync(c, secret);
            var n = Interlocked.Increment(ref requests);
            var status = n == 1 ? 500 : 200;
            lock (received)
            {
                received.Add((id, body, valid, status));
            }

            if (n == 2)
            {
                holding.TrySetResult();
                await killed.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the handler dies while this request is open
            }

            c.Response.StatusCode = status;
        });
        await using var azurite = await HostProcess.FreshAzuriteAsync();
        var settings = await PipelineRig.SettingsAsync(azurite.Fixture, Config(feeds, receiver, secret));

        await using var host = await HostProcess.StartAsync(HostProcess.AlertsApp, settings, "A");
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var pid = host.HandlerPid;
        using (var handler = System.Diagnostics.Process.GetProcessById(pid))
        {
            handler.Kill();
            await handler.WaitForExitAsync();
        }

        killed.TrySetResult();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && Delivered(received).Count < 3)
        {
            await Task.Delay(250);
        }

        await Task.Delay(3000);
        List<(string Id, string Body, bool Valid, int Status)> got;
        lock (received)
        {
            got = received.ToList();
        }

        Assert.All(got, r => Assert.True(r.Valid));
        var byId = got.GroupBy(r => r.Id).ToList();
        var kinds = byId.Select(g => PipelineRig.Describe(g.First().Body)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["corroborated martial_law Armenia", "new martial_law Armenia", "new shelling Martakert"], kinds);
        Assert.All(byId, g => Assert.Single(g.Select(r => r.Body).Distinct())); // a resend is the same message
        Assert.Equal(3, Delivered(got).Count); // each alert accepted, under its one id
        Assert.Contains(host.Lines, l => l.Contains("Deliver (queue deliveries", StringComparison.Ordinal) && l.Contains("retry after", StringComparison.Ordinal));
        Assert.True(host.Lines.Count(l => l.Contains("handler started (pid", StringComparison.Ordinal)) >= 2, string.Join('\n', host.Lines));
        Assert.NotEqual(pid, host.HandlerPid);
    }

    // One watch polling the feed server, and one signed webhook subscription.
    private static object Config(TestHttpServer feeds, TestHttpServer receiver, string secret) => new
    {
        watches = new[] { new { name = "E2E", countries = new[] { "AM", "AZ" }, feeds = new[] { new { id = "wire", url = feeds.Url + "rss", interval = "00:00:05" } } } },
        subscriptions = new[] { new { id = "hook", kind = "webhook", url = receiver.Url + "hook", secret } },
    };

    private static HashSet<string> Delivered(List<(string Id, string Body, bool Valid, int Status)> received)
    {
        lock (received)
        {
            return received.Where(r => r.Status == 200 && r.Valid).Select(r => r.Id).ToHashSet();
        }
    }
}
