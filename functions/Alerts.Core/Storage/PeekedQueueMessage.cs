namespace Alerts.Core.Storage;

/// <summary>A message read without being received.</summary>
public sealed record PeekedQueueMessage(
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn);
