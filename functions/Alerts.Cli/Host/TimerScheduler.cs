using System.Diagnostics;
using System.Globalization;
using Alerts.Core.Storage;
using NCrontab;

namespace Alerts.Cli.Host;

/// <summary>
/// A timer trigger: NCRONTAB (6 fields with seconds, or 5) in UTC, runOnStartup, never two runs of
/// one timer at once, and one firing per schedule tick across every `alerts run` sharing the storage
/// account: the instance that inserts the tick's lease entity runs it.
/// </summary>
internal sealed class TimerScheduler
{
    private readonly FunctionDefinition _function;
    private readonly CrontabSchedule _schedule;
    private readonly bool _runOnStartup;
    private readonly ITable _leases;
    private readonly HandlerProcess _handler;
    private readonly OutputWriter _outputs;
    private readonly HostLog _log;
    private readonly InFlight _inFlight;
    private readonly string _instance;
    private DateTimeOffset? _last;

    public TimerScheduler(FunctionDefinition function, string schedule, ITable leases, HandlerProcess handler, OutputWriter outputs, HostLog log, InFlight inFlight, string instance)
    {
        _function = function;
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        _schedule = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            ?? throw new HostConfigurationException([$"{function.Name}/function.json: schedule '{schedule}' is not an NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}})"]);
        _runOnStartup = function.Trigger.GetBool("runOnStartup");
        _leases = leases;
        _handler = handler;
        _outputs = outputs;
        _log = log;
        _inFlight = inFlight;
        _instance = instance;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            if (_runOnStartup)
            {
                await _inFlight.Track(FireAsync(DateTimeOffset.UtcNow, "start-up", pastDue: false));
            }

            while (!stop.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                var next = new DateTimeOffset(_schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
                // Timers may wake a little early: never fire before the occurrence.
                for (var wait = next - now; wait > TimeSpan.Zero; wait = next - DateTimeOffset.UtcNow)
                {
                    await Task.Delay(wait, stop);
                }

                if (!await WinLeaseAsync(next))
                {
                    continue; // another instance runs this tick
                }

                var late = DateTimeOffset.UtcNow - next > TimeSpan.FromSeconds(30);
                await _inFlight.Track(FireAsync(next, "schedule", late));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task<bool> WinLeaseAsync(DateTimeOffset tick)
    {
        try
        {
            var lease = new TableEntity(_function.Name, tick.UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)) { ["Instance"] = _instance };
            return (await _leases.AddAsync(lease)).Succeeded;
        }
        catch (Exception ex) when (ex is Alerts.Storage.Http.StorageRequestException or HttpRequestException)
        {
            _log.Warn($"{_function.Name}: timer lease failed ({ex.Message}); skipping the tick at {tick:HH:mm:ss}");
            return false;
        }
    }

    private async Task FireAsync(DateTimeOffset tick, string why, bool pastDue)
    {
        var watch = Stopwatch.StartNew();
        var next = new DateTimeOffset(_schedule.GetNextOccurrence(tick.UtcDateTime), TimeSpan.Zero);
        var payload = InvocationPayloads.Timer(_function.Trigger.Name, _function.Name, _last, next, pastDue, DateTimeOffset.UtcNow);
        var (ok, status, body) = await _handler.InvokeAsync(_function.Name, payload, Guid.NewGuid().ToString(), CancellationToken.None);
        using var reply = ok ? InvocationReply.Parse(body) : null;
        if (reply is null)
        {
            _log.Warn($"{_function.Name} (timer, {why} {tick:HH:mm:ss}) failed in {watch.ElapsedMilliseconds} ms: {(ok ? "answer is not JSON" : $"HTTP {status}")}");
            return;
        }

        foreach (var line in reply.Logs)
        {
            _log.Info($"{_function.Name}: {line}");
        }

        try
        {
            var written = await _outputs.WriteAsync(_function, reply, CancellationToken.None);
            _last = tick;
            _log.Info($"{_function.Name} (timer, {why} {tick:HH:mm:ss}) succeeded in {watch.ElapsedMilliseconds} ms; {written} output message(s)");
        }
        catch (Exception ex) when (ex is Alerts.Storage.Http.StorageRequestException or HttpRequestException)
        {
            _log.Warn($"{_function.Name} (timer) outputs failed: {ex.Message}");
        }
    }
}
