using Alerts.Testing;

namespace Alerts.Storage.Tests;

/// <summary>Tests in this collection share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Azurite";
}
