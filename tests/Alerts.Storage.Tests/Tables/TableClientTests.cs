using Alerts.Core.Storage;
using Alerts.Storage.Http;
using Alerts.Testing;

namespace Alerts.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<ITable> NewTableAsync()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("t"));
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    [Fact]
    public async Task CreateAndDelete_AreIdempotentValues()
    {
        var table = await NewTableAsync();

        Assert.False(await table.CreateIfNotExistsAsync());
        Assert.True(await table.DeleteIfExistsAsync());
        Assert.False(await table.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Add_Twice_SecondIsAlreadyExistsValue()
    {
        var table = await NewTableAsync();

        var first = await table.AddAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var second = await table.AddAsync(new TableEntity("p", "r") { ["N"] = 2 });

        Assert.True(first.Succeeded);
        Assert.NotNull(first.ETag);
        Assert.Equal(TableWriteStatus.AlreadyExists, second.Status);
        Assert.Equal(1, (await table.GetAsync("p", "r"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Get_TypedProperties_RoundTrip()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2020, 9, 27, 5, 15, 30, TimeSpan.Zero).AddTicks(1234567);
        var id = Guid.NewGuid();
        await table.AddAsync(new TableEntity("p", "r")
        {
            ["S"] = "Stepanakert / Khankendi",
            ["B"] = true,
            ["I"] = int.MinValue,
            ["L"] = 9007199254740993L,
            ["D"] = 2.0,
            ["F"] = 0.1,
            ["T"] = when,
            ["G"] = id,
            ["X"] = new byte[] { 0, 1, 254, 255 },
        });

        var e = (await table.GetAsync("p", "r"))!;

        Assert.Equal("Stepanakert / Khankendi", e.GetString("S"));
        Assert.True(e.GetBoolean("B"));
        Assert.IsType<int>(e["I"]);
        Assert.Equal(int.MinValue, e.GetInt32("I"));
        Assert.IsType<long>(e["L"]);
        Assert.Equal(9007199254740993L, e.GetInt64("L"));
        Assert.IsType<double>(e["D"]);
        Assert.Equal(2.0, e.GetDouble("D"));
        Assert.Equal(0.1, e.GetDouble("F"));
        Assert.Equal(when, e.GetDateTimeOffset("T"));
        Assert.Equal(id, e.GetGuid("G"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, e.GetBinary("X"));
        Assert.NotNull(e.ETag);
        Assert.NotNull(e.Timestamp);
    }

    [Fact]
    public async Task Keys_WithForbiddenAndQuoteCharacters_RoundTripThroughGetQueryAndDelete()
    {
        var table = await NewTableAsync();
        const string pk = "https://news.example/feed?x=1#top";
        const string rk = "o'brien \\ 50% \t done";

        Assert.True((await table.AddAsync(new TableEntity(pk, rk) { ["V"] = "ok" })).Succeeded);

        Assert.Equal("ok", (await table.GetAsync(pk, rk))!.GetString("V"));
        var queried = await table.QueryAsync(TableFilter.PartitionKeyEquals(pk)).ToListAsync();
        Assert.Equal(rk, Assert.Single(queried).RowKey);
        Assert.Equal(pk, queried[0].PartitionKey);
        Assert.True((await table.DeleteAsync(pk, rk)).Succeeded);
        Assert.Null(await table.GetAsync(pk, rk));
    }

    [Fact]
    public async Task Upsert_ReplaceDropsAndMergeKeepsProperties()
    {
        var table = await NewTableAsync();
        await table.UpsertAsync(new TableEntity("p", "replace") { ["A"] = 1, ["B"] = 2 });
        await table.UpsertAsync(new TableEntity("p", "replace") { ["A"] = 10 });
        await table.UpsertAsync(new TableEntity("p", "merge") { ["A"] = 1, ["B"] = 2 }, TableUpdateMode.Merge);
        await table.UpsertAsync(new TableEntity("p", "merge") { ["A"] = 10 }, TableUpdateMode.Merge);

        var replaced = (await table.GetAsync("p", "replace"))!;
        var merged = (await table.GetAsync("p", "merge"))!;

        Assert.Equal(10, replaced.GetInt32("A"));
        Assert.Null(replaced["B"]);
        Assert.Equal(10, merged.GetInt32("A"));
        Assert.Equal(2, merged.GetInt32("B"));
    }

    [Fact]
    public async Task Update_WithStaleETag_IsPreconditionFailedValue()
    {
        var table = await NewTableAsync();
        var added = await table.AddAsync(new TableEntity("p", "r") { ["N"] = 1 });
        var updated = await table.UpdateAsync(new TableEntity("p", "r") { ["N"] = 2 }, added.ETag!);

        var stale = await table.UpdateAsync(new TableEntity("p", "r") { ["N"] = 3 }, added.ETag!, TableUpdateMode.Merge);
        var missing = await table.UpdateAsync(new TableEntity("p", "nope") { ["N"] = 3 }, "*");

        Assert.True(updated.Succeeded);
        Assert.NotEqual(added.ETag, updated.ETag);
        Assert.Equal(TableWriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal(TableWriteStatus.NotFound, missing.Status);
        Assert.Equal(2, (await table.GetAsync("p", "r"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Update_TwoConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var table = await NewTableAsync();
        await table.AddAsync(new TableEntity("situation", "watch1") { ["Count"] = 0 });
        var read = (await table.GetAsync("situation", "watch1"))!;

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            table.UpdateAsync(new TableEntity("situation", "watch1") { ["Count"] = i }, read.ETag!)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(7, results.Count(r => r.Status == TableWriteStatus.PreconditionFailed));
    }

    [Fact]
    public async Task Update_ConcurrentIncrementsRetriedOnConflict_LoseNothing()
    {
        var table = await NewTableAsync();
        await table.AddAsync(new TableEntity("c", "counter") { ["N"] = 0 });

        async Task IncrementAsync()
        {
            while (true)
            {
                var current = (await table.GetAsync("c", "counter"))!;
                var next = new TableEntity("c", "counter") { ["N"] = current.GetInt32("N")!.Value + 1 };
                if ((await table.UpdateAsync(next, current.ETag!)).Succeeded)
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => IncrementAsync()));

        Assert.Equal(10, (await table.GetAsync("c", "counter"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Delete_GuardedByETag()
    {
        var table = await NewTableAsync();
        var added = await table.AddAsync(new TableEntity("p", "r"));
        await table.UpsertAsync(new TableEntity("p", "r") { ["N"] = 1 });

        Assert.Equal(TableWriteStatus.PreconditionFailed, (await table.DeleteAsync("p", "r", added.ETag!)).Status);
        Assert.True((await table.DeleteAsync("p", "r")).Succeeded);
        Assert.Equal(TableWriteStatus.NotFound, (await table.DeleteAsync("p", "r")).Status);
    }

    [Fact]
    public async Task Query_MoreThanOneThousandEntities_FollowsContinuation()
    {
        var table = await NewTableAsync();
        for (var batch = 0; batch < 11; batch++)
        {
            var actions = Enumerable.Range(0, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", $"{batch:D2}-{i:D3}") { ["N"] = (batch * 100) + i }))
                .ToList();
            Assert.True((await table.SubmitTransactionAsync(actions)).Succeeded);
        }

        await table.AddAsync(new TableEntity("other", "x") { ["N"] = 5000 });

        var all = await table.QueryAsync(TableFilter.PartitionKeyEquals("bulk")).ToListAsync();
        var filtered = await table.QueryAsync(TableFilter.And(TableFilter.PartitionKeyEquals("bulk"), TableFilter.Compare("N", "ge", 1050)), ["N"]).ToListAsync();

        Assert.Equal(1100, all.Count);
        Assert.Equal(1100, all.Select(e => e.RowKey).Distinct().Count());
        Assert.Equal(50, filtered.Count);
        Assert.All(filtered, e => Assert.True(e.GetInt32("N") >= 1050));
    }

    [Fact]
    public async Task Transaction_OneFailingAction_CommitsNothingAndNamesIt()
    {
        var table = await NewTableAsync();
        await table.AddAsync(new TableEntity("p", "exists") { ["N"] = 1 });

        var result = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new2")),
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedActionIndex);
        Assert.Equal(409, result.FailedStatus);
        Assert.Equal("EntityAlreadyExists", result.FailedErrorCode);
        Assert.Null(await table.GetAsync("p", "new1"));
        Assert.Null(await table.GetAsync("p", "new2"));
    }

    [Fact]
    public async Task Transaction_MixedActions_AllApplyWithETags()
    {
        var table = await NewTableAsync();
        var existing = await table.AddAsync(new TableEntity("p", "u") { ["N"] = 1 });
        await table.AddAsync(new TableEntity("p", "d"));

        var result = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a") { ["N"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "u") { ["M"] = 2 }, existing.ETag!),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "x") { ["N"] = 3 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "d")),
        ]);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.ETags.Count);
        var u = (await table.GetAsync("p", "u"))!;
        Assert.Equal(1, u.GetInt32("N"));
        Assert.Equal(2, u.GetInt32("M"));
        Assert.NotNull(await table.GetAsync("p", "x"));
        Assert.Null(await table.GetAsync("p", "d"));
    }

    [Fact]
    public async Task Transaction_BadShape_FailsFastBeforeSending()
    {
        var table = azurite.Factory.GetTable("anytable");

        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("a", "1")), new(TableTransactionActionType.Add, new TableEntity("b", "1"))]));
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", $"{i}"))).ToList()));

        Assert.Contains("one PartitionKey", mixed.Message, StringComparison.Ordinal);
        Assert.Contains("1–100", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_EntityOverLimits_FailsFastNamingTheProperty()
    {
        var table = azurite.Factory.GetTable("anytable");
        var entity = new TableEntity("p", "r") { ["Body"] = new string('x', 40_000) };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.AddAsync(entity));
        var badName = await Assert.ThrowsAsync<ArgumentException>(() => table.AddAsync(new TableEntity("p", "r") { ["bad name"] = 1 }));
        var longKey = await Assert.ThrowsAsync<ArgumentException>(() => table.AddAsync(new TableEntity(new string('k', 600), "r")));

        Assert.Contains("'Body'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'bad name'", badName.Message, StringComparison.Ordinal);
        Assert.Contains("PartitionKey", longKey.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("ab")]
    [InlineData("has-hyphen")]
    [InlineData("tables")]
    public void GetTable_InvalidName_FailsFast(string name)
    {
        Assert.Throws<ArgumentException>(() => azurite.Factory.GetTable(name));
    }

    [Fact]
    public async Task Add_MissingTable_ThrowsWithStatusAndCode()
    {
        var table = azurite.Factory.GetTable(UniqueName.Table("missing"));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => table.AddAsync(new TableEntity("p", "r")));

        Assert.Equal(404, ex.Status);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }
}
