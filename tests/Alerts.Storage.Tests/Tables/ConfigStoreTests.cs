using Alerts.Core.Pipeline;
using Alerts.Core.Storage;
using Alerts.Testing;

namespace Alerts.Storage.Tests.Tables;

/// <summary>Watches and subscriptions stored by the API, on an Azurite table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConfigStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Store_CreateReplaceDelete_ShowInTheEffectiveConfiguration()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("config"));
        var store = new ConfigStore(table);
        await store.CreateIfNotExistsAsync(CancellationToken.None);
        var file = PipelineConfig.Parse("""{ "watches": [ { "name": "Levant", "countries": ["LB"] } ] }""", "f");
        const string HornJson = """{ "name": "Horn", "countries": ["ET"] }""";
        var (horn, _) = PipelineConfig.ParseWatch(HornJson);
        const string DeskJson = """{ "id": "desk", "kind": "slack", "url": "https://hooks.example/x" }""";
        var (desk, _) = PipelineConfig.ParseSubscription(DeskJson);

        Assert.True(await store.PutWatchAsync(horn!, HornJson, createOnly: true, CancellationToken.None));
        Assert.False(await store.PutWatchAsync(horn!, HornJson, createOnly: true, CancellationToken.None));
        Assert.True(await store.PutSubscriptionAsync(desk!, DeskJson, createOnly: true, CancellationToken.None));
        const string Replaced = """{ "name": "Horn", "countries": ["ET", "ER"] }""";
        var (horn2, _) = PipelineConfig.ParseWatch(Replaced);
        Assert.True(await store.PutWatchAsync(horn2!, Replaced, createOnly: false, CancellationToken.None));

        var (config, problems) = await store.EffectiveAsync(file, CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(["levant", "horn"], config.Watches.Select(w => w.Watch.Id));
        Assert.Equal(["ET", "ER"], config.Watch("horn")!.Watch.Countries);
        Assert.Equal("desk", Assert.Single(config.Subscriptions).Id);

        Assert.True(await store.DeleteWatchAsync("horn", CancellationToken.None));
        Assert.False(await store.DeleteWatchAsync("horn", CancellationToken.None));
        Assert.Equal(["levant"], (await store.EffectiveAsync(file, CancellationToken.None)).Config.Watches.Select(w => w.Watch.Id));
    }

    [Fact]
    public async Task Store_RowEditedIntoAnInvalidEntry_IsSkippedAndReported()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("config"));
        var store = new ConfigStore(table);
        await store.CreateIfNotExistsAsync(CancellationToken.None);
        await table.UpsertAsync(new TableEntity("watch", "broken") { ["Json"] = """{ "countries": ["XX"] }""" });

        var (config, problems) = await store.EffectiveAsync(PipelineConfig.Empty, CancellationToken.None);

        Assert.Empty(config.Watches);
        Assert.Contains("stored watch 'broken' is skipped", Assert.Single(problems), StringComparison.Ordinal);
    }
}
