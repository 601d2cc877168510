using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>The real `alerts run` as a child process, with its log captured, stopped (SIGTERM) or killed on dispose.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public static string Configuration => AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string TestApp => Path.Combine(RepoRoot.Find(), "tests", "Alerts.Host.TestApp", "bin", Configuration, "net10.0");

    public static string AlertsApp => Path.Combine(RepoRoot.Find(), "functions", "Alerts.Functions", "bin", Configuration, "net10.0");

    /// <summary>
    /// An Azurite of the test's own: the pipeline's queue and table names are fixed by the app, so
    /// pipeline tests that shared one storage would see each other's items, state and retries.
    /// </summary>
    public static async Task<OwnAzurite> FreshAzuriteAsync()
    {
        var fixture = new AzuriteFixture();
        await fixture.InitializeAsync();
        return new OwnAzurite(fixture);
    }

    internal sealed class OwnAzurite(AzuriteFixture fixture) : IAsyncDisposable
    {
        public AzuriteFixture Fixture { get; } = fixture;

        public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
    }

    /// <summary>Writes a local.settings.json with the Azurite connection and the given values.</summary>
    public static string Settings(AzuriteFixture azurite, Dictionary<string, string> values)
    {
        values["AzureWebJobsStorage"] = azurite.ConnectionString;
        values["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        var path = Path.Combine(Directory.CreateTempSubdirectory("alerts-host-").FullName, "local.settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return path;
    }

    public static async Task<HostProcess> StartAsync(string app, string settings, string instance)
    {
        var alerts = Path.Combine(RepoRoot.Find(), "functions", "Alerts.Cli", "bin", Configuration, "net10.0", "alerts.dll");
        var port = AzuriteFixture.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { alerts, "run", "--app", app, "--settings", settings, "--port", port.ToString(CultureInfo.InvariantCulture), "--instance", instance, "--drain-timeout", "00:00:10" })
        {
            start.ArgumentList.Add(a);
        }

        var host = new HostProcess(Process.Start(start)!, port);
        host._process.OutputDataReceived += (_, e) => host.Add(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host.WaitForLineAsync("running:", TimeSpan.FromSeconds(60));
        return host;
    }

    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"alerts run exited with {_process.ExitCode}:\n{string.Join('\n', Lines)}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no line containing '{text}' within {timeout}:\n{string.Join('\n', Lines)}");
    }

    /// <summary>The pid of the handler the host started last.</summary>
    public int HandlerPid => int.Parse(HandlerStarted().Matches(string.Join('\n', Lines)).Last().Groups[1].Value, CultureInfo.InvariantCulture);

    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"handler started \(pid (\d+)")]
    private static partial Regex HandlerStarted();
}
