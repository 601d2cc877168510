using Alerts.Testing;

namespace Alerts.Host.Tests;

/// <summary>Host tests share one Azurite; each test uses its own queues.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
