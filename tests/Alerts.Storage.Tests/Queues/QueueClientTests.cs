using Alerts.Core.Storage;
using Alerts.Storage.Http;
using Alerts.Testing;

namespace Alerts.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private async Task<IQueue> NewQueueAsync()
    {
        var queue = azurite.Factory.GetQueue(UniqueName.Queue("q"));
        Assert.True(await queue.CreateIfNotExistsAsync());
        return queue;
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_SecondReturnsFalse()
    {
        var queue = await NewQueueAsync();

        Assert.False(await queue.CreateIfNotExistsAsync());
    }

    [Fact]
    public async Task SendReceiveDelete_RoundTripsUnicodeTextAndEmptiesQueue()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"v\":1,\"place\":\"Şuşa / Shushi\",\"emoji\":\"🚨\"}";

        await queue.SendAsync(text);
        var received = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30)));

        Assert.Equal(text, received.Text);
        Assert.Equal(1, received.DequeueCount);
        Assert.True(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        Assert.Empty(await queue.PeekAsync(32));
        Assert.False(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
    }

    [Fact]
    public async Task Receive_Batch_TakesAtMostRequestedAndHidesThem()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        var first = await queue.ReceiveAsync(3, TimeSpan.FromSeconds(30));
        var second = await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30));

        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(await queue.ReceiveAsync(32, TimeSpan.FromSeconds(30)));
        Assert.Equal(5, first.Concat(second).Select(m => m.Text).Distinct().Count());
    }

    [Fact]
    public async Task Receive_AfterVisibilityTimeout_ReappearsWithHigherDequeueCount()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("retry me");

        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        var second = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.False(await queue.DeleteMessageAsync(first.MessageId, first.PopReceipt), "a stale pop receipt must not delete");
        Assert.True(await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt));
    }

    [Fact]
    public async Task Send_WithInitialInvisibility_IsHiddenUntilDelayPasses()
    {
        var queue = await NewQueueAsync();

        await queue.SendAsync("later", visibilityDelay: TimeSpan.FromSeconds(1));

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        Assert.Equal("later", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30))).Text);
    }

    [Fact]
    public async Task Send_WithTimeToLive_ExpiresAndInfiniteDoesNot()
    {
        var queue = await NewQueueAsync();

        var shortLived = await queue.SendAsync("short", timeToLive: TimeSpan.FromSeconds(1));
        await queue.SendAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);
        await Task.Delay(TimeSpan.FromMilliseconds(2100));

        var left = await queue.PeekAsync(32);
        Assert.Equal("forever", Assert.Single(left).Text);
        Assert.Equal(DateTimeOffset.MaxValue.Year, left[0].ExpiresOn.Year);
        Assert.NotEqual(shortLived.MessageId, left[0].MessageId);
    }

    [Fact]
    public async Task UpdateMessage_ChangesTextAndVisibility_OldReceiptInvalid()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("v1");
        var received = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        var receipt = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, "v2");

        Assert.NotEqual(received.PopReceipt, receipt.PopReceipt);
        Assert.False(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        var again = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("v2", again.Text);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task UpdateMessage_ExtendVisibility_KeepsItHidden()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("long job");
        var received = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        var renewed = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(1500));

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        Assert.True(await queue.DeleteMessageAsync(received.MessageId, renewed.PopReceipt));
    }

    [Fact]
    public async Task Peek_DoesNotHideOrCountDequeue()
    {
        var queue = await NewQueueAsync();
        await queue.SendAsync("look");

        var peeked = Assert.Single(await queue.PeekAsync());
        var received = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal("look", peeked.Text);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task CountClearAndDeleteQueue_Work()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 4; i++)
        {
            await queue.SendAsync($"n{i}");
        }

        Assert.Equal(4, await queue.GetApproximateMessageCountAsync());
        await queue.ClearAsync();
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Send_AtLimit_SucceedsAndOverLimitFailsFastWithoutTruncating()
    {
        var queue = await NewQueueAsync();
        var atLimit = new string('a', 48 * 1024);

        await queue.SendAsync(atLimit);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(atLimit + "b"));

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(atLimit, Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30))).Text);
    }

    [Fact]
    public async Task Receive_MissingQueue_ThrowsWithServiceCode()
    {
        var queue = azurite.Factory.GetQueue(UniqueName.Queue("missing"));

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => queue.ReceiveAsync(1, TimeSpan.FromSeconds(5)));

        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("ab")]
    [InlineData("double--hyphen")]
    [InlineData("-start")]
    public void GetQueue_InvalidName_FailsFast(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => azurite.Factory.GetQueue(name));

        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_OutOfRangeArguments_FailFast()
    {
        var queue = azurite.Factory.GetQueue("anyqueue");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(33, TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(1, TimeSpan.Zero));
    }
}
