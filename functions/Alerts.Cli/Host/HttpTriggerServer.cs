using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Host;

/// <summary>
/// Serves HTTP triggers on a local port: routes under the routePrefix, allowed methods, and
/// authLevel — "function" needs the function's key or the default key, "admin" the master key, in
/// the x-functions-key header or the code query parameter (compared in constant time). The caller
/// gets the status, headers and body of the handler's HTTP output; a failed invocation is a 500.
/// </summary>
internal sealed class HttpTriggerServer(FunctionApp app, LocalSettings settings, HandlerProcess handler, OutputWriter outputs, HostLog log, InFlight inFlight)
{
    private readonly List<(FunctionDefinition Function, HttpRoute Route, string[] Methods, string Auth)> _routes =
        app.Functions.Where(f => f.Trigger.Type == "httpTrigger")
            .Select(f => (f, new HttpRoute(app.RoutePrefix, f.Trigger.Get("route") ?? f.Name), f.Trigger.GetList("methods").Select(m => m.ToUpperInvariant()).ToArray(), (f.Trigger.Get("authLevel") ?? "function").ToLowerInvariant()))
            .ToList();

    public bool HasRoutes => _routes.Count > 0;

    /// <summary>Problems with keys: a function that needs a key must have one configured.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (function, _, _, auth) in _routes)
        {
            if (auth == "function" && Key(function.Name) is null)
            {
                yield return $"{function.Name} has authLevel \"function\": set FunctionKeys__{function.Name} or FunctionKeys__default in the settings";
            }

            if (auth == "admin" && settings.Get("FunctionKeys__master") is null)
            {
                yield return $"{function.Name} has authLevel \"admin\": set FunctionKeys__master in the settings";
            }
        }
    }

    /// <summary>Starts listening; the returned application is stopped and disposed by the caller.</summary>
    public async Task<WebApplication> StartAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        web.Run(context => inFlight.Track(HandleAsync(context)));
        await web.StartAsync(ct);
        log.Info($"HTTP functions on http://127.0.0.1:{port}/: " + string.Join(", ", _routes.Select(r => $"{string.Join('|', r.Methods.DefaultIfEmpty("ANY"))} /{r.Route.Template} ({r.Function.Name}, {r.Auth})")));
        return web;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        foreach (var (function, route, methods, auth) in _routes)
        {
            if (route.Match(path) is not { } parameters)
            {
                continue;
            }

            if (methods.Length > 0 && !methods.Contains(context.Request.Method.ToUpperInvariant()))
            {
                context.Response.StatusCode = 405;
                return;
            }

            if (!Authorized(context, function.Name, auth))
            {
                context.Response.StatusCode = 401;
                log.Warn($"{function.Name} (http {context.Request.Method} {path}) refused: missing or wrong key");
                return;
            }

            await InvokeAsync(context, function, parameters);
            return;
        }

        context.Response.StatusCode = 404;
    }

    private async Task InvokeAsync(HttpContext context, FunctionDefinition function, Dictionary<string, string> parameters)
    {
        var watch = Stopwatch.StartNew();
        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}";
        var payload = InvocationPayloads.Http(
            function.Trigger.Name, url, context.Request.Method,
            context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.Select(v => v ?? "").ToArray())),
            context.Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
            parameters, body, function.Name, DateTimeOffset.UtcNow);
        var (ok, status, answer) = await handler.InvokeAsync(function.Name, payload, Guid.NewGuid().ToString(), context.RequestAborted);
        using var reply = ok ? InvocationReply.Parse(answer) : null;
        if (reply is null)
        {
            context.Response.StatusCode = 500;
            log.Warn($"{function.Name} (http {context.Request.Method} {context.Request.Path}) failed in {watch.ElapsedMilliseconds} ms: handler answered {status}");
            return;
        }

        foreach (var line in reply.Logs)
        {
            log.Info($"{function.Name}: {line}");
        }

        await outputs.WriteAsync(function, reply, context.RequestAborted);
        var res = function.HttpOutput is { } output ? reply.Output(output.Name) : default;
        var code = 200;
        if (res.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in res.EnumerateObject())
            {
                switch (p.Name.ToLowerInvariant())
                {
                    case "statuscode" or "status":
                        code = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt32() : int.Parse(p.Value.GetString() ?? "200", System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "headers" when p.Value.ValueKind == JsonValueKind.Object:
                        foreach (var h in p.Value.EnumerateObject())
                        {
                            context.Response.Headers[h.Name] = h.Value.ToString();
                        }

                        break;
                }
            }
        }

        context.Response.StatusCode = code;
        var content = res.ValueKind == JsonValueKind.Object && res.EnumerateObject().FirstOrDefault(p => p.Name.Equals("body", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } b
            ? b.Value.ValueKind == JsonValueKind.String ? b.Value.GetString() : b.Value.GetRawText()
            : null;
        if (content is not null)
        {
            await context.Response.WriteAsync(content, context.RequestAborted);
        }

        log.Info($"{function.Name} (http {context.Request.Method} {context.Request.Path}) answered {code} in {watch.ElapsedMilliseconds} ms");
    }

    private bool Authorized(HttpContext context, string function, string auth)
    {
        if (auth == "anonymous")
        {
            return true;
        }

        var given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        if (given is null)
        {
            return false;
        }

        var master = settings.Get("FunctionKeys__master");
        return (auth == "function" && Key(function) is { } key && Same(given, key)) || (master is not null && Same(given, master));
    }

    private string? Key(string function) => settings.Get($"FunctionKeys__{function}") ?? settings.Get("FunctionKeys__default");

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
