using Azure.Identity;

namespace Alerts.Storage.Connection;

/// <summary>
/// Resolves a named connection the way the Functions host does: the setting <c>NAME</c> holds a
/// connection string, or <c>NAME__queueServiceUri</c> / <c>NAME__tableServiceUri</c> (or
/// <c>NAME__accountName</c>) name the account for an identity-based connection, optionally with
/// <c>NAME__clientId</c> for a user-assigned managed identity.
/// </summary>
public static class StorageAccountResolver
{
    /// <summary>Resolves <paramref name="connectionName"/> from <paramref name="getSetting"/> or throws naming what is missing.</summary>
    public static StorageAccount Resolve(string connectionName, Func<string, string?> getSetting)
    {
        ArgumentNullException.ThrowIfNull(getSetting);
        var connectionString = getSetting(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageConnectionString.Parse(connectionString);
        }

        var queue = getSetting($"{connectionName}__queueServiceUri");
        var table = getSetting($"{connectionName}__tableServiceUri");
        var accountName = getSetting($"{connectionName}__accountName");
        if (!string.IsNullOrEmpty(accountName))
        {
            queue ??= $"https://{accountName}.queue.core.windows.net";
            table ??= $"https://{accountName}.table.core.windows.net";
        }

        if (string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(table))
        {
            throw new FormatException(
                $"Storage connection '{connectionName}' is not configured: set '{connectionName}' to a connection string " +
                $"(UseDevelopmentStorage=true for Azurite), or set '{connectionName}__accountName' (or both " +
                $"'{connectionName}__queueServiceUri' and '{connectionName}__tableServiceUri') for a managed identity.");
        }

        var queueUri = new Uri(queue);
        var clientId = getSetting($"{connectionName}__clientId");
        var credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        var name = accountName ?? StorageConnectionString.AccountFromEndpoint(queueUri)
            ?? throw new FormatException($"Cannot tell the account name from '{queue}'; set '{connectionName}__accountName'.");
        return new StorageAccount(name, queueUri, new Uri(table), SharedKey: null, credential);
    }
}
