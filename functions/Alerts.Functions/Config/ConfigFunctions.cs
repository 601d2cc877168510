using System.Globalization;
using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Functions.Handler;

namespace Alerts.Functions.Config;

/// <summary>
/// <c>/api/watches/{id?}</c> and <c>/api/subscriptions/{id?}</c>: list, read, create (POST), create or
/// replace (PUT) and delete the watches and subscriptions the pipeline uses. Bodies have the shape of
/// one entry of the configuration file. Invalid bodies get a 400 problem response listing every
/// problem; entries from the configuration file are read-only here (409). Subscription secrets are
/// never returned, and URLs are shown without their path and query (a Slack webhook URL is a secret).
/// </summary>
internal sealed class ConfigFunctions(PipelineConfig file, ConfigStore store)
{
    /// <summary>Table properties hold at most 32K characters; a larger entry is refused up front.</summary>
    public const int MaxBodyLength = 30_000;

    public Task<InvocationResult> WatchesAsync(Invocation invocation, CancellationToken ct) =>
        HandleAsync(invocation, new Resource<WatchConfig>(
            "watch",
            "watches",
            c => c.Watches,
            w => w.Watch.Id,
            PipelineConfig.ParseWatch,
            store.PutWatchAsync,
            store.DeleteWatchAsync,
            id => file.Watch(id) is not null,
            WriteWatch), ct);

    public Task<InvocationResult> SubscriptionsAsync(Invocation invocation, CancellationToken ct) =>
        HandleAsync(invocation, new Resource<SubscriptionConfig>(
            "subscription",
            "subscriptions",
            c => c.Subscriptions,
            s => s.Id,
            PipelineConfig.ParseSubscription,
            store.PutSubscriptionAsync,
            store.DeleteSubscriptionAsync,
            id => file.Subscriptions.Any(s => s.Id == id),
            WriteSubscription), ct);

    private sealed record Resource<T>(
        string Name,
        string Plural,
        Func<PipelineConfig, IReadOnlyList<T>> List,
        Func<T, string> Id,
        Func<string, (T? Value, List<string> Problems)> Parse,
        Func<T, string, bool, CancellationToken, Task<bool>> Put,
        Func<string, CancellationToken, Task<bool>> Delete,
        Func<string, bool> InFile,
        Action<Utf8JsonWriter, T, bool> Write);

    private async Task<InvocationResult> HandleAsync<T>(Invocation invocation, Resource<T> r, CancellationToken ct)
        where T : class
    {
        var req = invocation.Http("req");
        var id = req.Params.TryGetValue("id", out var p) && !string.IsNullOrWhiteSpace(p) ? p : null;
        var method = req.Method.ToUpperInvariant();
        var (config, problems) = await store.EffectiveAsync(file, ct);
        var result = new InvocationResult().Log(problems);

        switch (method, id)
        {
            case ("GET", null):
                return result.Http("res", 200, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray(r.Plural);
                    foreach (var item in r.List(config))
                    {
                        r.Write(w, item, r.InFile(r.Id(item)));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            case ("GET", _):
                var found = r.List(config).FirstOrDefault(x => r.Id(x) == id);
                return found is null
                    ? result.Problem("res", 404, "Not found", $"There is no {r.Name} '{id}'.")
                    : result.Http("res", 200, w => r.Write(w, found, r.InFile(id)));
            case ("POST", null):
            case ("PUT", not null):
                return await WriteAsync(req.Body, id, r, result, ct);
            case ("DELETE", not null):
                if (r.InFile(id))
                {
                    return result.Problem("res", 409, "Conflict", $"The {r.Name} '{id}' is defined in the configuration file; remove it there.");
                }

                return await r.Delete(id, ct)
                    ? result.Log($"{r.Name} '{id}' deleted").Http("res", 204, "")
                    : result.Problem("res", 404, "Not found", $"There is no {r.Name} '{id}' to delete.");
            default:
                return result.Problem("res", 405, "Method not allowed", $"{method} {(id is null ? $"/api/{r.Plural}" : $"/api/{r.Plural}/{{id}}")} is not supported: use GET, POST on the collection, and GET, PUT or DELETE on /api/{r.Plural}/{{id}}.");
        }
    }

    private static async Task<InvocationResult> WriteAsync<T>(string? body, string? routeId, Resource<T> r, InvocationResult result, CancellationToken ct)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return result.Problem("res", 400, "Bad request", $"The body is empty; send the {r.Name} as JSON.");
        }

        if (body.Length > MaxBodyLength)
        {
            return result.Problem("res", 400, "Bad request", $"The body is {body.Length:N0} characters; the limit is {MaxBodyLength:N0}.");
        }

        var (value, problems) = r.Parse(body);
        if (value is null)
        {
            return result.Problem("res", 400, "Bad request", $"The {r.Name} is not valid.", problems);
        }

        var id = r.Id(value);
        if (routeId is not null && routeId != id)
        {
            return result.Problem("res", 400, "Bad request", $"The URL names {r.Name} '{routeId}' but the body describes '{id}'.");
        }

        if (r.InFile(id))
        {
            return result.Problem("res", 409, "Conflict", $"The {r.Name} '{id}' is defined in the configuration file; change it there.");
        }

        var createOnly = routeId is null;
        if (!await r.Put(value, body, createOnly, ct))
        {
            return result.Problem("res", 409, "Conflict", $"The {r.Name} '{id}' exists; PUT /api/{r.Plural}/{id} replaces it.");
        }

        return result.Log($"{r.Name} '{id}' {(createOnly ? "created" : "stored")}")
            .Http("res", createOnly ? 201 : 200, w => r.Write(w, value, false));
    }

    private static void WriteWatch(Utf8JsonWriter w, WatchConfig watch, bool inFile)
    {
        w.WriteStartObject();
        w.WriteString("id", watch.Watch.Id);
        w.WriteString("name", watch.Watch.Name);
        w.WriteStartArray("countries");
        foreach (var c in watch.Watch.Countries)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteStartArray("places");
        foreach (var p in watch.Watch.Places ?? [])
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteStartArray("feeds");
        foreach (var f in watch.Feeds)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("url", f.Url);
            w.WriteString("interval", f.Interval.ToString("c", CultureInfo.InvariantCulture));
            w.WriteBoolean("fullText", f.FullText);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("source", inFile ? "file" : "api");
        w.WriteEndObject();
    }

    private static void WriteSubscription(Utf8JsonWriter w, SubscriptionConfig s, bool inFile)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("kind", s.Kind);
        w.WriteString("url", DeliverySender.Redact(s.Url));
        w.WriteBoolean("hasSecret", !string.IsNullOrEmpty(s.Secret));
        w.WriteStartArray("watches");
        foreach (var x in s.Watches)
        {
            w.WriteStringValue(x);
        }

        w.WriteEndArray();
        w.WriteStartArray("types");
        foreach (var x in s.Types)
        {
            w.WriteStringValue(x);
        }

        w.WriteEndArray();
        w.WriteString("minSeverity", s.MinSeverity.ToString());
        w.WriteString("source", inFile ? "file" : "api");
        w.WriteEndObject();
    }
}
