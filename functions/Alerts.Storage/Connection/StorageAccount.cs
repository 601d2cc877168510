using Azure.Core;

namespace Alerts.Storage.Connection;

/// <summary>
/// A resolved storage account: its queue and table endpoints and how to authenticate, either a
/// Shared Key or an Entra ID token credential (managed identity in Azure).
/// </summary>
public sealed record StorageAccount(string AccountName, Uri QueueEndpoint, Uri TableEndpoint, byte[]? SharedKey, TokenCredential? TokenCredential)
{
    /// <summary>Shown in logs: never includes the key.</summary>
    public override string ToString() =>
        $"{AccountName} (queues {QueueEndpoint}, tables {TableEndpoint}, auth {(SharedKey is not null ? "shared key" : "Entra ID")})";
}
