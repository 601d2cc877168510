using System.Globalization;
using System.Text.Json;

namespace Alerts.Cli.Host;

/// <summary>
/// An Azure Functions app folder as the host reads it: host.json (customHandler, extensions.queues,
/// extensions.http.routePrefix, functionTimeout) and one folder per function with its function.json.
/// Loading reports every problem at once.
/// </summary>
internal sealed record FunctionApp(
    string Root,
    string HandlerPath,
    IReadOnlyList<string> HandlerArguments,
    string WorkingDirectory,
    QueueSettings Queues,
    string RoutePrefix,
    TimeSpan FunctionTimeout,
    IReadOnlyList<FunctionDefinition> Functions)
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static FunctionApp Load(string root)
    {
        var problems = new List<string>();
        root = Path.GetFullPath(root);
        var hostPath = Path.Combine(root, "host.json");
        if (!File.Exists(hostPath))
        {
            throw new HostConfigurationException([$"{hostPath} does not exist (is '{root}' a Functions app folder?)"]);
        }

        using var host = JsonDocument.Parse(File.ReadAllText(hostPath), Lenient);
        var h = host.RootElement;
        if (Str(h, "version") != "2.0")
        {
            problems.Add("host.json: \"version\" must be \"2.0\"");
        }

        string handler = "", workDir = root;
        var args = new List<string>();
        if (h.TryGetProperty("customHandler", out var ch) && ch.TryGetProperty("description", out var desc))
        {
            var exe = Str(desc, "defaultExecutablePath") ?? "";
            workDir = Path.GetFullPath(Path.Combine(root, Str(desc, "workingDirectory") ?? ""));
            handler = File.Exists(Path.Combine(root, exe)) ? Path.Combine(root, exe) : exe;
            if (exe.Length == 0)
            {
                problems.Add("host.json: customHandler.description.defaultExecutablePath is empty");
            }

            if (desc.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array)
            {
                args.AddRange(a.EnumerateArray().Select(x => x.GetString() ?? ""));
            }
        }
        else
        {
            problems.Add("host.json: no customHandler.description (this host runs custom handlers only)");
        }

        var q = h.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("queues", out var qs) ? qs : default;
        var batch = Int(q, "batchSize", 16, problems);
        if (batch is < 1 or > 32)
        {
            problems.Add($"host.json: extensions.queues.batchSize must be 1–32, not {batch}");
        }

        var queues = new QueueSettings(
            batch,
            Int(q, "newBatchThreshold", batch / 2 * Environment.ProcessorCount, problems),
            Int(q, "maxDequeueCount", 5, problems),
            Span(q, "visibilityTimeout", TimeSpan.Zero, problems),
            Span(q, "maxPollingInterval", TimeSpan.FromMinutes(1), problems),
            !string.Equals(Str(q, "messageEncoding"), "none", StringComparison.OrdinalIgnoreCase));
        if (queues.MaxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            problems.Add("host.json: extensions.queues.maxPollingInterval must be at least 00:00:00.1");
        }

        var routePrefix = ext.ValueKind == JsonValueKind.Object && ext.TryGetProperty("http", out var http) ? Str(http, "routePrefix") ?? "api" : "api";
        var timeout = Span(h, "functionTimeout", TimeSpan.FromMinutes(5), problems);

        var functions = new List<FunctionDefinition>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "function.json");
            if (File.Exists(file))
            {
                var f = LoadFunction(Path.GetFileName(dir), file, problems);
                if (f is not null)
                {
                    functions.Add(f);
                }
            }
        }

        if (functions.Count == 0)
        {
            problems.Add($"no function folders with a function.json under {root}");
        }

        if (problems.Count > 0)
        {
            throw new HostConfigurationException(problems);
        }

        return new FunctionApp(root, handler, args, workDir, queues, routePrefix.Trim('/'), timeout, functions);
    }

    private static FunctionDefinition? LoadFunction(string name, string file, List<string> problems)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(file), Lenient);
        }
        catch (JsonException ex)
        {
            problems.Add($"{name}/function.json: not valid JSON ({ex.Message})");
            return null;
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{name}/function.json: no \"bindings\" array");
                return null;
            }

            var all = bindings.EnumerateArray().Select(b => new FunctionBinding(Str(b, "name") ?? "", Str(b, "type") ?? "", Str(b, "direction") ?? "", b.Clone())).ToList();
            var triggers = all.Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
            if (triggers.Count != 1)
            {
                problems.Add($"{name}/function.json: needs exactly one trigger binding, found {triggers.Count}");
                return null;
            }

            var trigger = triggers[0];
            if (trigger.Type is not ("queueTrigger" or "timerTrigger" or "httpTrigger"))
            {
                problems.Add($"{name}/function.json: trigger type '{trigger.Type}' is not supported by alerts run (queueTrigger, timerTrigger, httpTrigger)");
            }

            foreach (var b in all.Where(b => b.Direction == "out" && b.Type is not ("queue" or "http")))
            {
                problems.Add($"{name}/function.json: output binding '{b.Name}' of type '{b.Type}' is not supported by alerts run (queue, http)");
            }

            if (trigger.Type == "queueTrigger" && string.IsNullOrEmpty(trigger.Get("queueName")))
            {
                problems.Add($"{name}/function.json: queueTrigger needs a queueName");
            }

            if (trigger.Type == "timerTrigger" && string.IsNullOrEmpty(trigger.Get("schedule")))
            {
                problems.Add($"{name}/function.json: timerTrigger needs a schedule");
            }

            return new FunctionDefinition(name, trigger, all.Where(b => b.Direction == "out").ToList());
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name, int fallback, List<string> problems)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.TryGetInt32(out var i))
        {
            return i;
        }

        problems.Add($"host.json: {name} must be a number");
        return fallback;
    }

    private static TimeSpan Span(JsonElement e, string name, TimeSpan fallback, List<string> problems)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero)
        {
            return t;
        }

        problems.Add($"host.json: {name} '{v}' is not a time span (hh:mm:ss)");
        return fallback;
    }
}
