using System.Net;

namespace Alerts.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port for tests of feed fetching and webhook delivery.
/// Each request is answered by <paramref name="handler"/> and recorded; the server stops on dispose.
/// </summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public TestHttpServer(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        Port = AzuriteFixture.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The base URL, ending in '/'.</summary>
    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Every request seen: method, path and query, and headers of interest.</summary>
    public List<(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent)> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (Requests)
            {
                Requests.Add((context.Request.Url!.PathAndQuery, context.Request.Headers["If-None-Match"], context.Request.Headers["If-Modified-Since"], context.Request.UserAgent));
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context);
                }
                catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // the client went away (timeouts, size limits): expected in these tests
                }
                finally
                {
                    try
                    {
                        context.Response.Close();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        // already closed
                    }
                }
            });
        }
    }
}
