using System.Diagnostics;
using System.Net;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>`alerts run` with the test handler app against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostTests(AzuriteFixture azurite)
{
    private Dictionary<string, string> Queues(string test) => new()
    {
        ["EchoQueue"] = UniqueName.Queue("echo"),
        ["EchoOut"] = UniqueName.Queue("echo-out"),
        ["FlakyQueue"] = UniqueName.Queue("flaky"),
        ["FlakyOut"] = UniqueName.Queue("flaky-out"),
        ["FailQueue"] = UniqueName.Queue("fail"),
        ["FailOut"] = UniqueName.Queue("fail-out"),
        ["SlowQueue"] = UniqueName.Queue("slow"),
        ["SlowOut"] = UniqueName.Queue("slow-out"),
        ["TickOut"] = UniqueName.Queue("ticks"),
        ["TickSchedule"] = "0 0 0 1 1 *",
        ["FunctionKeys__default"] = "test-key-" + test,
        ["SlowMs"] = "3000",
    };

    private async Task<IQueue> QueueAsync(string name)
    {
        var queue = azurite.Factory.GetQueue(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static async Task<List<string>> DrainAsync(IQueue queue, int expected, TimeSpan timeout)
    {
        var got = new List<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (got.Count < expected && DateTime.UtcNow < deadline)
        {
            try
            {
                foreach (var m in await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)))
                {
                    got.Add(m.Text);
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
            }
            catch (Alerts.Storage.Http.StorageRequestException ex) when (ex.Status == 404)
            {
                // not created yet
            }

            await Task.Delay(100);
        }

        return got;
    }

    [Fact]
    public async Task QueueTrigger_Message_IsProcessedAndOutputWritten()
    {
        var values = Queues("q");
        await using var host = await HostProcess.StartAsync(HostProcess.TestApp, HostProcess.Settings(azurite, values), "A");
        var input = await QueueAsync(values["EchoQueue"]);

        await input.SendAsync("{\"v\":1,\"Id\":\"collides-with-metadata\",\"text\":\"Şuşa\"}");

        var output = await DrainAsync(azurite.Factory.GetQueue(values["EchoOut"]), 1, TimeSpan.FromSeconds(20));
        Assert.Equal("{\"v\":1,\"Id\":\"collides-with-metadata\",\"text\":\"Şuşa\"}|1", Assert.Single(output));
        Assert.Equal(0, await input.GetApproximateMessageCountAsync());
        Assert.Contains(host.Lines, l => l.Contains("Echo (queue", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueueTrigger_Failures_RetryThenPoisonWithoutOutputs()
    {
        var values = Queues("p");
        await using var host = await HostProcess.StartAsync(HostProcess.TestApp, HostProcess.Settings(azurite, values), "A");
        await (await QueueAsync(values["FailQueue"])).SendAsync("doomed");
        await (await QueueAsync(values["FlakyQueue"])).SendAsync("second time lucky");

        var poisoned = await DrainAsync(azurite.Factory.GetQueue(values["FailQueue"] + "-poison"), 1, TimeSpan.FromSeconds(30));
        var flaky = await DrainAsync(azurite.Factory.GetQueue(values["FlakyOut"]), 1, TimeSpan.FromSeconds(30));

        Assert.Equal("doomed", Assert.Single(poisoned));
        Assert.Equal("second time lucky|2", Assert.Single(flaky));
        Assert.Empty(await DrainAsync(azurite.Factory.GetQueue(values["FailOut"]), 1, TimeSpan.FromSeconds(1)));
        Assert.Equal(2, host.Lines.Count(l => l.Contains("Fail (queue", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal)));
        Assert.Single(host.Lines, l => l.Contains("Fail: message", StringComparison.Ordinal) && l.Contains("-poison' after 3 attempt(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimerTrigger_FiresOnStartupAndOnSchedule()
    {
        var values = Queues("t");
        values["TickSchedule"] = "*/2 * * * * *";
        await using var host = await HostProcess.StartAsync(HostProcess.TestApp, HostProcess.Settings(azurite, values), "A");

        var ticks = await DrainAsync(azurite.Factory.GetQueue(values["TickOut"]), 3, TimeSpan.FromSeconds(15));

        Assert.Single(ticks, t => t.StartsWith("TickStartup|", StringComparison.Ordinal));
        Assert.True(ticks.Count(t => t.StartsWith("TickEvery|", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task HttpTrigger_FunctionKeyRequired_AnonymousOpen()
    {
        var values = Queues("h");
        await using var host = await HostProcess.StartAsync(HostProcess.TestApp, HostProcess.Settings(azurite, values), "A");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };

        var noKey = await http.GetAsync("api/hello/kyiv");
        var wrongKey = await http.GetAsync("api/hello/kyiv?code=nope");
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "api/hello/kyiv");
        withHeader.Headers.Add("x-functions-key", "test-key-h");
        var headerKey = await http.SendAsync(withHeader);
        var queryKey = await http.GetAsync("api/hello/odesa?code=test-key-h");
        var open = await http.PostAsync("api/open", new StringContent("payload"));
        var notFound = await http.GetAsync("api/nothing");
        var wrongMethod = await http.DeleteAsync("api/open");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal("hello kyiv", await headerKey.Content.ReadAsStringAsync());
        Assert.Equal("hello odesa", await queryKey.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, open.StatusCode);
        Assert.Equal("http:payload", Assert.Single(await DrainAsync(azurite.Factory.GetQueue(values["EchoOut"]), 1, TimeSpan.FromSeconds(10))));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task HandlerKilledMidInvocation_MessageReappearsAndIsProcessedByTheRestartedHandler()
    {
        var values = Queues("k");
        await using var host = await HostProcess.StartAsync(HostProcess.TestApp, HostProcess.Settings(azurite, values), "A");
        var firstHandler = host.HandlerPid;
        await (await QueueAsync(values["SlowQueue"])).SendAsync("survivor");
        await Task.Delay(1200); // picked up, inside its 3 s invocation

        Process.GetProcessById(firstHandler).Kill();

        var output = await DrainAsync(azurite.Factory.GetQueue(values["SlowOut"]), 1, TimeSpan.FromSeconds(40));
        var parts = Assert.Single(output).Split('|');
        Assert.Equal("survivor", parts[0]);
        Assert.Equal("2", parts[1]);
        Assert.NotEqual(firstHandler.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[2]);
        Assert.Contains(host.Lines, l => l.Contains("handler exited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoHosts_DrainOneQueue_EveryMessageExactlyOnce_AndOneTimerFiringPerTick()
    {
        var values = Queues("two");
        values["TickSchedule"] = "* * * * * *";
        var settings = HostProcess.Settings(azurite, values);
        await using var a = await HostProcess.StartAsync(HostProcess.TestApp, settings, "A");
        await using var b = await HostProcess.StartAsync(HostProcess.TestApp, settings, "B");
        var input = await QueueAsync(values["EchoQueue"]);
        const int Count = 60;

        await Task.WhenAll(Enumerable.Range(0, Count).Select(i => input.SendAsync($"m{i:D3}")));
        var output = await DrainAsync(azurite.Factory.GetQueue(values["EchoOut"]), Count, TimeSpan.FromSeconds(60));
        await Task.Delay(1500);
        output.AddRange(await DrainAsync(azurite.Factory.GetQueue(values["EchoOut"]), 1, TimeSpan.FromSeconds(1)));
        var ticks = await DrainAsync(azurite.Factory.GetQueue(values["TickOut"]), 10, TimeSpan.FromSeconds(10));

        Assert.Equal(Count, output.Count);
        Assert.Equal(Count, output.Select(o => o.Split('|')[0]).Distinct().Count());
        Assert.All(output, o => Assert.EndsWith("|1", o, StringComparison.Ordinal));
        Assert.True(a.Lines.Count(l => l.Contains("Echo (queue", StringComparison.Ordinal)) > 0 && b.Lines.Count(l => l.Contains("Echo (queue", StringComparison.Ordinal)) > 0, "both hosts should take part");
        var scheduled = ticks.Where(t => t.StartsWith("TickEvery|", StringComparison.Ordinal) && t != "TickEvery|first").ToList();
        Assert.True(scheduled.Count >= 5);
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
    }

    [Fact]
    public async Task Run_BadConfiguration_RefusesToStartNamingEveryProblem()
    {
        var values = Queues("bad");
        values.Remove("FunctionKeys__default");
        values.Remove("TickSchedule");
        var settings = HostProcess.Settings(azurite, values);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(HostProcess.TestApp, settings, "A"));

        Assert.Contains("FunctionKeys__Hello", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'TickSchedule' is not defined", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsApp_HealthAndAnalyze_RunUnderTheLocalHost()
    {
        var settings = HostProcess.Settings(azurite, new Dictionary<string, string> { ["FunctionKeys__default"] = "k1" });
        await using var host = await HostProcess.StartAsync(HostProcess.AlertsApp, settings, "A");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };

        var health = await http.GetAsync("api/health");
        var analyzed = await http.PostAsync("api/analyze?code=k1", new StringContent("Kenya imposed a curfew in Mombasa on Monday, Kenya's police said."));
        var empty = await http.PostAsync("api/analyze?code=k1", new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"type\":\"curfew\"", await analyzed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
