namespace Alerts.Core.Storage;

/// <summary>What the service returns after a send or an update.</summary>
public sealed record QueueReceipt(string MessageId, string PopReceipt, DateTimeOffset NextVisibleOn);
