using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Alerts.Cli.Host;

/// <summary>
/// The custom handler process: started with FUNCTIONS_CUSTOMHANDLER_PORT and the app settings in
/// its environment, ready when GET / answers at all (polled every 25 ms, as the host does), restarted
/// when it exits, and invoked with POST /{FunctionName}.
/// </summary>
internal sealed class HandlerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly FunctionApp _app;
    private readonly LocalSettings _settings;
    private readonly HostLog _log;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _restart = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private int _port;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HandlerProcess(FunctionApp app, LocalSettings settings, HostLog log)
    {
        _app = app;
        _settings = settings;
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = app.FunctionTimeout + TimeSpan.FromMinutes(1) };
    }

    /// <summary>The handler's process id (for tests and diagnostics).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Time from process start to the first answer, of the last start.</summary>
    public TimeSpan LastColdStart { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        await _restart.WaitAsync(ct);
        try
        {
            await StartProcessAsync(ct);
        }
        finally
        {
            _restart.Release();
        }
    }

    /// <summary>Invokes a function; any non-2xx answer, unreadable answer or broken connection is a failed invocation.</summary>
    public async Task<(bool Ok, int Status, string Body)> InvokeAsync(string function, string payload, string invocationId, CancellationToken ct)
    {
        await _ready.Task.WaitAsync(ReadyTimeout, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{_port}/{function}")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", invocationId);
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", "alerts-run/1.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/alerts-run");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
            return (response.IsSuccessStatusCode && json, (int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            return (false, 0, $"the handler did not answer: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (false, 0, $"the handler did not answer within {_http.Timeout}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        _process?.Dispose();
        _http.Dispose();
        _restart.Dispose();
        _stopping.Dispose();
    }

    private async Task StartProcessAsync(CancellationToken ct)
    {
        _port = FreePort();
        var start = new ProcessStartInfo(_app.HandlerPath)
        {
            WorkingDirectory = _app.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in _app.HandlerArguments)
        {
            start.ArgumentList.Add(_settings.Resolve(arg, "host.json arguments"));
        }

        foreach (var (key, value) in _settings.Values)
        {
            start.Environment[key] = value;
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_HTTPWORKER_PORT"] = start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"];
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = _app.Root;
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_app.HandlerPath}");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _ = OnExitedAsync(process);
        _process = process;
        _log.Info($"handler started (pid {process.Id}, port {_port})");

        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (!await AnswersAsync(ct))
        {
            if (process.HasExited)
            {
                throw new HostConfigurationException([$"the handler exited with code {process.ExitCode} before it was ready (see its output above)"]);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new HostConfigurationException([$"the handler did not answer on port {_port} within {ReadyTimeout.TotalSeconds:N0} s"]);
            }

            await Task.Delay(25, ct);
        }

        LastColdStart = watch.Elapsed;
        _log.Info($"handler ready in {LastColdStart.TotalMilliseconds:N0} ms");
        _ready.TrySetResult();
    }

    private async Task OnExitedAsync(Process exited)
    {
        if (_stopping.IsCancellationRequested || exited != _process)
        {
            return;
        }

        _log.Warn($"handler exited (code {exited.ExitCode}); restarting");
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var attempt = 1; !_stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await _restart.WaitAsync(_stopping.Token);
                try
                {
                    await StartProcessAsync(_stopping.Token);
                    return;
                }
                finally
                {
                    _restart.Release();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HostConfigurationException ex)
            {
                _log.Error($"handler restart {attempt} failed: {ex.Problems[0]}");
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, probe.Token);
            using var response = await _http.GetAsync($"http://127.0.0.1:{_port}/", linked.Token);
            return true; // any HTTP answer, even 404, means ready
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Forward(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            _log.Info("handler: " + line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
