using System.CommandLine;
using System.Text.Json;
using Alerts.Cli.Demo;
using Alerts.Core.Delivery;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts demo</c>: the whole pipeline on this machine — Azurite, two sample outlets' feeds
/// releasing an invented scenario over about two minutes, a signed-webhook receiver and a
/// Slack-compatible receiver that print what arrives, and `alerts run` with a demo watch and
/// subscriptions. Ctrl-C stops everything it started.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var verbose = new Option<bool>("--verbose") { Description = "Also print the host's log (otherwise written to a file)." };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop by itself after this long (e.g. 00:03:00)." };
        var command = new Command("demo", "Run the pipeline locally with sample feeds; alerts print as they fire.") { verbose, duration };
        command.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(verbose), parse.GetValue(duration), Console.Out, ct));
        return command;
    }

    internal static async Task<int> RunAsync(bool verbose, TimeSpan? duration, TextWriter output, CancellationToken ct)
    {
        var root = RepoRoot();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        output.WriteLine("Alerts demo: starting Azurite, sample feeds, receivers and the local Functions host…");
        using var azurite = await AzuriteProcess.StartAsync(root, stop.Token);
        var secret = WebhookSecret.Generate();
        await using var servers = new DemoServers(AzuriteProcess.FreePort(), secret, output);
        var dir = Directory.CreateTempSubdirectory("alerts-demo-").FullName;
        var configPath = Path.Combine(dir, "alerts.config.json");
        var feed = $"http://127.0.0.1:{servers.Port}/feeds";
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(new
        {
            watches = new[]
            {
                new
                {
                    name = "Karabakh demo",
                    countries = new[] { "AM", "AZ" },
                    feeds = new[] { new { id = "wire", url = $"{feed}/wire.xml", interval = "00:00:05" }, new { id = "daily", url = $"{feed}/daily.xml", interval = "00:00:05" } },
                },
            },
            subscriptions = new object[]
            {
                new { id = "newsroom-webhook", kind = "webhook", url = $"http://127.0.0.1:{servers.Port}/webhook", secret },
                new { id = "desk-slack", kind = "slack", url = $"http://127.0.0.1:{servers.Port}/slack", minSeverity = "Severe" },
            },
        }), stop.Token);
        var settingsPath = Path.Combine(dir, "local.settings.json");
        await File.WriteAllTextAsync(settingsPath, JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Alerts__ConfigPath"] = configPath,
                ["Alerts__AllowPrivateAddresses"] = "true", // the sample feeds and receivers are on 127.0.0.1
                ["FunctionKeys__default"] = "demo-key",
            },
        }), stop.Token);
        var logPath = Path.Combine(dir, "host.log");
        await using var log = verbose ? null : new StreamWriter(logPath) { AutoFlush = true };
        output.WriteLine($"Feeds at {feed}/wire.xml and /daily.xml release {DemoScenario.Articles.Count} invented articles over {DemoScenario.Articles[^1].At.TotalSeconds:N0} s.");
        output.WriteLine(verbose ? "Host log follows." : $"Host log: {logPath}");
        output.WriteLine("Alerts appear below as they are delivered. Ctrl-C stops everything.\n");
        var code = await RunCommand.RunAsync(null, settingsPath, AzuriteProcess.FreePort(), "demo", TimeSpan.FromSeconds(10), verbose ? output : log!, stop.Token);
        output.WriteLine($"\nDemo stopped: {servers.Webhooks} signed webhook deliveries received.");
        if (servers.Latencies.Count > 0)
        {
            var sorted = servers.Latencies.Order().ToList();
            output.WriteLine($"Feed-to-webhook latency (article released → first alert delivered): median {sorted[sorted.Count / 2]:N1} s, p95 {sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.95) - 1)]:N1} s over {sorted.Count} alerts.");
        }
        return code;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
