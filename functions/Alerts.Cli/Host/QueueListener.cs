using System.Diagnostics;
using Alerts.Core.Storage;
using Alerts.Storage.Http;

namespace Alerts.Cli.Host;

/// <summary>
/// A queue trigger with the storage extension's semantics: batches of up to batchSize, a new batch
/// when in-flight work drops to newBatchThreshold, exponential polling back-off from 100 ms to
/// maxPollingInterval when the queue is empty, messages hidden while their invocation runs (renewed
/// at half-life), deleted on success, made visible again after visibilityTimeout on failure, and
/// copied to &lt;queue&gt;-poison and deleted after maxDequeueCount failures. Outputs are written only
/// when the invocation succeeded.
/// </summary>
internal sealed class QueueListener
{
    private static readonly TimeSpan MinPolling = TimeSpan.FromMilliseconds(100);
    private readonly FunctionDefinition _function;
    private readonly IQueue _queue;
    private readonly IQueue? _poison;
    private readonly QueueSettings _settings;
    private readonly HandlerProcess _handler;
    private readonly OutputWriter _outputs;
    private readonly HostLog _log;
    private readonly InFlight _inFlight;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public QueueListener(FunctionDefinition function, string queueName, IQueueFactory queues, QueueSettings settings, HandlerProcess handler, OutputWriter outputs, HostLog log, InFlight inFlight)
    {
        _function = function;
        QueueName = queueName;
        _queue = queues.GetQueue(queueName);
        _poison = queueName.EndsWith("-poison", StringComparison.Ordinal) || queueName.Length + 7 > 63 ? null : queues.GetQueue(queueName + "-poison");
        _settings = settings;
        _handler = handler;
        _outputs = outputs;
        _log = log;
        _inFlight = inFlight;
        outputs.Watch(queueName, Wake);
    }

    public string QueueName { get; }

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Polls until <paramref name="stop"/>; in-flight invocations are tracked by <see cref="InFlight"/> and finish on their own.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var maxInFlight = _settings.BatchSize + Math.Max(0, _settings.NewBatchThreshold);
        var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var delay = MinPolling;
        var running = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref running) > _settings.NewBatchThreshold)
                {
                    await slots.WaitAsync(stop);
                    slots.Release();
                    await Task.Delay(10, stop);
                    continue;
                }

                var take = Math.Min(_settings.BatchSize, maxInFlight - Volatile.Read(ref running));
                IReadOnlyList<QueueMessage> batch;
                try
                {
                    batch = take > 0 ? await _queue.ReceiveAsync(take, _settings.LeaseTime, stop) : [];
                }
                catch (StorageRequestException ex) when (ex.Status == 404)
                {
                    batch = []; // the queue does not exist yet: back off, as the host does
                }

                if (batch.Count == 0)
                {
                    await _wake.WaitAsync(Jitter(delay), stop);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPolling;
                foreach (var message in batch)
                {
                    await slots.WaitAsync(stop);
                    Interlocked.Increment(ref running);
                    _ = _inFlight.Track(ProcessAsync(message)).ContinueWith(
                        _ =>
                        {
                            Interlocked.Decrement(ref running);
                            slots.Release();
                        },
                        TaskScheduler.Default);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StorageRequestException or HttpRequestException)
            {
                _log.Warn($"{_function.Name}: polling queue '{QueueName}' failed: {ex.Message}; retrying");
                await Task.Delay(Jitter(_settings.MaxPollingInterval), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        var receipt = message.PopReceipt;
        if (message.DequeueCount > _settings.MaxDequeueCount)
        {
            await PoisonAsync(message, receipt, "dequeue count over the limit before invocation");
            return;
        }

        using var renewal = new CancellationTokenSource();
        var renewTask = RenewAsync(message, () => receipt, r => receipt = r, renewal.Token);
        var watch = Stopwatch.StartNew();
        var invocationId = Guid.NewGuid().ToString();
        var payload = InvocationPayloads.Queue(_function.Trigger.Name, message, _function.Name, DateTimeOffset.UtcNow);
        string? failure = null;
        try
        {
            var (ok, status, body) = await _handler.InvokeAsync(_function.Name, payload, invocationId, CancellationToken.None);
            using var reply = ok ? InvocationReply.Parse(body) : null;
            if (reply is null)
            {
                failure = ok ? "the handler's answer is not JSON" : $"HTTP {status}: {Shorten(body)}";
                if (!ok && InvocationReply.Parse(body) is { } failedReply)
                {
                    Forward(failedReply.Logs);
                    failedReply.Dispose();
                }
            }
            else
            {
                Forward(reply.Logs);
                var written = await _outputs.WriteAsync(_function, reply, CancellationToken.None);
                await renewal.CancelAsync();
                await renewTask;
                await _queue.DeleteMessageAsync(message.MessageId, receipt);
                _log.Info($"{_function.Name} (queue {QueueName}, message {message.MessageId}, attempt {message.DequeueCount}) succeeded in {watch.ElapsedMilliseconds} ms; {written} output message(s)");
                return;
            }
        }
        catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            failure = ex.Message;
        }

        await renewal.CancelAsync();
        await renewTask;
        if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            await PoisonAsync(message, receipt, failure!);
            return;
        }

        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, receipt, _settings.VisibilityTimeout);
        }
        catch (StorageRequestException ex)
        {
            _log.Warn($"{_function.Name}: could not release message {message.MessageId}: {ex.Message}; it reappears when its lease ends");
        }

        _log.Warn($"{_function.Name} (queue {QueueName}, message {message.MessageId}, attempt {message.DequeueCount}/{_settings.MaxDequeueCount}) failed in {watch.ElapsedMilliseconds} ms: {failure}; retry after {_settings.VisibilityTimeout}");
    }

    private async Task PoisonAsync(QueueMessage message, string receipt, string reason)
    {
        if (_poison is null)
        {
            _log.Error($"{_function.Name}: message {message.MessageId} failed {message.DequeueCount} times ({reason}); no poison queue name fits, left in '{QueueName}'");
            return;
        }

        await _poison.CreateIfNotExistsAsync();
        await _poison.SendAsync(message.Text);
        await _queue.DeleteMessageAsync(message.MessageId, receipt);
        _log.Error($"{_function.Name}: message {message.MessageId} moved to '{_poison.Name}' after {message.DequeueCount} attempt(s): {reason}");
    }

    // Keeps a long invocation's message hidden: renew at half the lease.
    private async Task RenewAsync(QueueMessage message, Func<string> current, Action<string> update, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_settings.LeaseTime / 2, ct);
                var renewed = await _queue.UpdateMessageAsync(message.MessageId, current(), _settings.LeaseTime, ct: ct);
                update(renewed.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
            // the invocation finished
        }
        catch (StorageRequestException ex)
        {
            _log.Warn($"{_function.Name}: could not renew message {message.MessageId}: {ex.Message}");
        }
    }

    private void Forward(IReadOnlyList<string> logs)
    {
        foreach (var line in logs)
        {
            _log.Info($"{_function.Name}: {line}");
        }
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private static TimeSpan Jitter(TimeSpan t) => TimeSpan.FromTicks((long)(t.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));
}
