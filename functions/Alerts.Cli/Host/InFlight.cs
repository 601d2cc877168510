using System.Collections.Concurrent;

namespace Alerts.Cli.Host;

/// <summary>Invocations under way, so that a graceful stop can wait for them within a bound.</summary>
internal sealed class InFlight
{
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();

    public int Count => _tasks.Count;

    public Task Track(Task task)
    {
        _tasks[task] = 0;
        _ = task.ContinueWith(t => _tasks.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits for the running invocations; false when the bound passed first.</summary>
    public async Task<bool> DrainAsync(TimeSpan bound)
    {
        var all = Task.WhenAll(_tasks.Keys.ToArray());
        return await Task.WhenAny(all, Task.Delay(bound)) == all;
    }
}
