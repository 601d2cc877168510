namespace Alerts.Cli.Host;

/// <summary>host.json extensions.queues, with the storage extension's defaults.</summary>
internal sealed record QueueSettings(int BatchSize, int NewBatchThreshold, int MaxDequeueCount, TimeSpan VisibilityTimeout, TimeSpan MaxPollingInterval, bool Base64)
{
    /// <summary>How long a received message stays hidden while its invocation runs; renewed at half-life.</summary>
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromMinutes(10);
}
