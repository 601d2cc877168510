namespace Alerts.Core.Storage;

/// <summary>
/// A storage queue as the pipeline uses it. Message text is sent Base64-encoded on the wire,
/// which is what the Azure Functions queue trigger decodes by default.
/// </summary>
public interface IQueue
{
    /// <summary>The queue's name.</summary>
    string Name { get; }

    /// <summary>Creates the queue; returns false when it already existed.</summary>
    Task<bool> CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Deletes the queue; returns false when it did not exist.</summary>
    Task<bool> DeleteIfExistsAsync(CancellationToken ct = default);

    /// <summary>Adds a message. <paramref name="visibilityDelay"/> hides it at first; <paramref name="timeToLive"/> null means the service default (7 days), <see cref="Timeout.InfiniteTimeSpan"/> never expires.</summary>
    Task<QueueReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default);

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default);

    /// <summary>Reads up to 32 messages without hiding them or counting a dequeue.</summary>
    Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages = 1, CancellationToken ct = default);

    /// <summary>Deletes a received message. Returns false when the message is gone or the receipt is stale (someone else holds it).</summary>
    Task<bool> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default);

    /// <summary>Changes a received message's visibility and, optionally, its text. The old pop receipt becomes invalid.</summary>
    Task<QueueReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken ct = default);

    /// <summary>The service's approximate number of messages.</summary>
    Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default);

    /// <summary>Deletes every message.</summary>
    Task ClearAsync(CancellationToken ct = default);
}
