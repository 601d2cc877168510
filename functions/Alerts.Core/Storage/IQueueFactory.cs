namespace Alerts.Core.Storage;

/// <summary>Hands out queue clients; clients are cheap, thread-safe and may be cached by callers.</summary>
public interface IQueueFactory
{
    /// <summary>The queue named <paramref name="name"/> (3–63 lower-case letters, digits and single hyphens).</summary>
    IQueue GetQueue(string name);
}
