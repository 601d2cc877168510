using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class FeedStateStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Save_ThenReadFromANewStore_StateSurvivesARestart()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("feeds"));
        await table.CreateIfNotExistsAsync();
        var state = new FeedState("https://wire.example/rss?x=1#y", "\"v7\"", "Sat, 03 Oct 2020 08:00:00 GMT", new DateTimeOffset(2026, 11, 21, 22, 0, 0, TimeSpan.Zero), 2, new DateTimeOffset(2026, 11, 21, 21, 55, 0, TimeSpan.Zero), "HTTP 503");

        Assert.True((await new FeedStateStore(table).SaveAsync("https://wire.example/rss?x=1#y", state, null)).Succeeded);
        var reloaded = await new FeedStateStore(azurite.Factory.GetTable(table.Name)).GetAsync("https://wire.example/rss?x=1#y");

        Assert.NotNull(reloaded);
        Assert.Equal(state, reloaded.Value.State);
    }

    [Fact]
    public async Task Save_TwoInstancesFromOneVersion_SecondLoses()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("feeds"));
        await table.CreateIfNotExistsAsync();
        var store = new FeedStateStore(table);
        await store.SaveAsync("f1", new FeedState("https://a.example/rss"), null);
        var (_, etag) = (await store.GetAsync("f1"))!.Value;

        var first = await store.SaveAsync("f1", new FeedState("https://a.example/rss", ETag: "\"1\""), etag);
        var second = await store.SaveAsync("f1", new FeedState("https://a.example/rss", ETag: "\"2\""), etag);

        Assert.True(first.Succeeded);
        Assert.Equal(TableWriteStatus.PreconditionFailed, second.Status);
        Assert.Equal("\"1\"", (await store.GetAsync("f1"))!.Value.State.ETag);
    }
}
