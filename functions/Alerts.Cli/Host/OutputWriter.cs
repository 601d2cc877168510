using System.Collections.Concurrent;
using Alerts.Core.Storage;

namespace Alerts.Cli.Host;

/// <summary>
/// Writes queue output bindings after a successful invocation (creating queues as the host does) and
/// wakes this instance's listeners of those queues, like the host's same-instance short-circuit.
/// </summary>
internal sealed class OutputWriter(IQueueFactory queues, LocalSettings settings)
{
    private readonly ConcurrentDictionary<string, IQueue> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action> _listeners = new(StringComparer.Ordinal);

    public void Watch(string queue, Action wake) => _listeners[queue] = wake;

    public async Task<int> WriteAsync(FunctionDefinition function, InvocationReply reply, CancellationToken ct)
    {
        var written = 0;
        foreach (var binding in function.QueueOutputs)
        {
            var messages = InvocationPayloads.QueueMessages(reply.Output(binding.Name));
            if (messages.Count == 0)
            {
                continue;
            }

            var name = settings.Resolve(binding.Get("queueName") ?? "", $"{function.Name}/{binding.Name}").ToLowerInvariant();
            if (!_created.TryGetValue(name, out var queue))
            {
                queue = queues.GetQueue(name);
                await queue.CreateIfNotExistsAsync(ct);
                _created[name] = queue;
            }

            foreach (var message in messages)
            {
                await queue.SendAsync(message, ct: ct);
                written++;
            }

            if (_listeners.TryGetValue(name, out var wake))
            {
                wake();
            }
        }

        return written;
    }
}
