using Alerts.Cli.Demo;
using Alerts.Storage;

namespace Alerts.Testing;

/// <summary>
/// A real Azurite for a test collection, started from the repository's own node_modules on free
/// loopback ports with in-memory persistence (the same launcher `alerts demo` uses), stopped on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The connection string for this Azurite instance.</summary>
    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    /// <summary>A client factory over this Azurite, shared by the tests.</summary>
    public StorageClientFactory Factory { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(RepoRoot.Find(), CancellationToken.None);
        Factory = StorageClientFactory.FromConnectionString(ConnectionString);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Factory?.Dispose();
        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort() => AzuriteProcess.FreePort();
}
