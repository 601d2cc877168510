using System.CommandLine;
using System.Runtime.InteropServices;
using Alerts.Cli.Host;
using Alerts.Storage;
using Alerts.Storage.Connection;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts run</c>: the local Functions host. Reads the app folder (host.json, function.json files)
/// and local.settings.json, starts the custom handler, and runs its queue, timer and HTTP triggers
/// against the storage account in AzureWebJobsStorage (Azurite locally).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var app = new Option<string?>("--app") { Description = "The Functions app folder (host.json and function folders). Default: the built Alerts.Functions app." };
        var settings = new Option<string?>("--settings") { Description = "local.settings.json to use. Default: local.settings.json in the app folder or the current folder." };
        var port = new Option<int>("--port") { Description = "Port for HTTP triggers.", DefaultValueFactory = _ => 7071 };
        var instance = new Option<string?>("--instance") { Description = "A name for this host instance in logs and timer leases." };
        var drain = new Option<TimeSpan>("--drain-timeout") { Description = "How long a stop waits for running invocations.", DefaultValueFactory = _ => TimeSpan.FromSeconds(30) };
        var command = new Command("run", "Run a Functions app folder locally against Azure Storage or Azurite (queue, timer and HTTP triggers).") { app, settings, port, instance, drain };
        command.SetAction(async (parse, ct) => await RunAsync(
            parse.GetValue(app), parse.GetValue(settings), parse.GetValue(port), parse.GetValue(instance) ?? $"host-{Environment.ProcessId}", parse.GetValue(drain), Console.Out, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string? appPath, string? settingsPath, int port, string instance, TimeSpan drainTimeout, TextWriter output, CancellationToken ct)
    {
        var log = new HostLog(output, instance);
        FunctionApp app;
        LocalSettings settings;
        StorageAccount account;
        try
        {
            app = FunctionApp.Load(appPath ?? DefaultApp());
            settingsPath ??= new[] { Path.Combine(app.Root, "local.settings.json"), "local.settings.json" }.FirstOrDefault(File.Exists);
            settings = LocalSettings.Load(settingsPath);
            try
            {
                account = StorageAccountResolver.Resolve("AzureWebJobsStorage", settings.Get);
            }
            catch (FormatException ex)
            {
                throw new HostConfigurationException([ex.Message]);
            }
        }
        catch (HostConfigurationException ex)
        {
            log.Error(ex.Message);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });

        using var storage = new StorageClientFactory(account);
        var inFlight = new InFlight();
        var outputs = new OutputWriter(storage, settings);
        await using var handler = new HandlerProcess(app, settings, log);
        var http = default(HttpTriggerServer);
        var web = default(Microsoft.AspNetCore.Builder.WebApplication);
        var work = new List<Task>();
        try
        {
            var problems = new List<string>();
            var listeners = new List<QueueListener>();
            var timers = new List<TimerScheduler>();
            var leases = storage.GetTable("AlertsHostTimerLeases");
            http = new HttpTriggerServer(app, settings, handler, outputs, log, inFlight);
            problems.AddRange(http.Validate());
            foreach (var function in app.Functions)
            {
                try
                {
                    switch (function.Trigger.Type)
                    {
                        case "queueTrigger":
                            listeners.Add(new QueueListener(function, settings.Resolve(function.Trigger.Get("queueName")!, function.Name).ToLowerInvariant(), storage, app.Queues, handler, outputs, log, inFlight));
                            break;
                        case "timerTrigger":
                            timers.Add(new TimerScheduler(function, settings.Resolve(function.Trigger.Get("schedule")!, function.Name), leases, handler, outputs, log, inFlight, instance));
                            break;
                    }
                }
                catch (HostConfigurationException ex)
                {
                    problems.AddRange(ex.Problems);
                }
                catch (ArgumentException ex)
                {
                    problems.Add($"{function.Name}: {ex.Message}");
                }
            }

            if (problems.Count > 0)
            {
                throw new HostConfigurationException(problems);
            }

            log.Info($"app {app.Root}: {app.Functions.Count} function(s); storage {account}");
            if (timers.Count > 0)
            {
                await leases.CreateIfNotExistsAsync(stop.Token);
            }

            await handler.StartAsync(stop.Token);
            work.AddRange(listeners.Select(l => Task.Run(() => l.RunAsync(stop.Token), CancellationToken.None)));
            work.AddRange(timers.Select(t => Task.Run(() => t.RunAsync(stop.Token), CancellationToken.None)));
            if (http.HasRoutes)
            {
                try
                {
                    web = await http.StartAsync(port, stop.Token);
                }
                catch (IOException ex)
                {
                    throw new HostConfigurationException([$"cannot listen on port {port} for HTTP functions: {ex.Message} (choose another with --port)"]);
                }
            }

            log.Info($"running: {listeners.Count} queue trigger(s) ({string.Join(", ", listeners.Select(l => l.QueueName))}), {timers.Count} timer(s); Ctrl-C stops");
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (HostConfigurationException ex)
        {
            log.Error(ex.Message);
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopping
        }

        log.Info($"stopping: waiting up to {drainTimeout.TotalSeconds:N0} s for {inFlight.Count} running invocation(s)");
        if (web is not null)
        {
            await web.StopAsync(CancellationToken.None);
            await web.DisposeAsync();
        }

        await Task.WhenAll(work).ContinueWith(_ => { }, TaskScheduler.Default);
        var drained = await inFlight.DrainAsync(drainTimeout);
        log.Info(drained ? "stopped" : $"stopped with {inFlight.Count} invocation(s) still running; their messages reappear when their leases end");
        return 0;
    }

    private static string DefaultApp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var config in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(dir.FullName, "functions", "Alerts.Functions", "bin", config, "net10.0");
                if (File.Exists(Path.Combine(candidate, "host.json")))
                {
                    return candidate;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
