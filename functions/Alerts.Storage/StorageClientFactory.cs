using Alerts.Core.Storage;
using Alerts.Storage.Connection;
using Alerts.Storage.Http;
using Alerts.Storage.Queues;
using Alerts.Storage.Tables;

namespace Alerts.Storage;

/// <summary>
/// The entry point: one per storage account, shared by the whole process. It owns the HTTP
/// connection pool and the resilience pipeline; the queue and table clients it hands out are
/// cheap views over them.
/// </summary>
public sealed class StorageClientFactory : IQueueFactory, ITableFactory, IDisposable
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a factory for <paramref name="account"/>.</summary>
    public StorageClientFactory(StorageAccount account, StorageClientOptions? options = null, TimeProvider? time = null)
        : this(account, options, handler: null, time)
    {
    }

    internal StorageClientFactory(StorageAccount account, StorageClientOptions? options, HttpMessageHandler? handler, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(account);
        _pipeline = new StoragePipeline(account, options ?? new StorageClientOptions(), handler, time);
    }

    /// <summary>The account this factory talks to.</summary>
    public StorageAccount Account => _pipeline.Account;

    /// <summary>A factory from a connection string (e.g. <c>UseDevelopmentStorage=true</c>).</summary>
    public static StorageClientFactory FromConnectionString(string connectionString, StorageClientOptions? options = null) =>
        new(StorageConnectionString.Parse(connectionString), options);

    /// <inheritdoc />
    public IQueue GetQueue(string name) => new QueueClient(_pipeline, name);

    /// <inheritdoc />
    public ITable GetTable(string name) => new TableClient(_pipeline, name);

    /// <inheritdoc />
    public void Dispose() => _pipeline.Dispose();
}
