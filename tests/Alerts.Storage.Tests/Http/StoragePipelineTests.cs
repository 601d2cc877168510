using System.Net;
using System.Net.Http.Headers;
using Alerts.Core.Storage;
using Alerts.Storage.Connection;
using Alerts.Storage.Http;

namespace Alerts.Storage.Tests.Http;

public sealed class StoragePipelineTests
{
    private static readonly StorageClientOptions FastRetries = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task CreateQueue_TransientStatusThenSuccess_Retries(HttpStatusCode transient)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Status(transient), _ => ScriptedHandler.Status(HttpStatusCode.Created));
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);

        var created = await factory.GetQueue("orders").CreateIfNotExistsAsync();

        Assert.True(created);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task CreateQueue_NonTransientFailure_ThrowsOnceWithStatusAndCode(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Status(status, "SomeCode"));
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => factory.GetQueue("orders").CreateIfNotExistsAsync());

        Assert.Equal((int)status, ex.Status);
        Assert.Equal("SomeCode", ex.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Send_AlwaysTransient_GivesUpAfterMaxRetries()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable, "ServerBusy"));
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => factory.GetQueue("orders").SendAsync("x"));

        Assert.Equal(503, ex.Status);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Send_TransportFailure_IsRetriedThenWrapped()
    {
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);

        var ex = await Assert.ThrowsAsync<StorageRequestException>(() => factory.GetQueue("orders").SendAsync("x"));

        Assert.Equal(0, ex.Status);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public void RetryAfter_DeltaAndDate_AreHonouredAndCapped()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var delta = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        delta.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(90));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(7), StoragePipeline.RetryAfter(delta, TimeSpan.FromSeconds(30), time));
        Assert.Equal(TimeSpan.FromSeconds(30), StoragePipeline.RetryAfter(date, TimeSpan.FromSeconds(30), time));
        Assert.Null(StoragePipeline.RetryAfter(none, TimeSpan.FromSeconds(30), time));
    }

    [Fact]
    public async Task Send_WireBody_IsBase64OfUtf8AndSignedWithSharedKey()
    {
        const string created = "<?xml version=\"1.0\"?><QueueMessagesList><QueueMessage><MessageId>m1</MessageId><PopReceipt>p</PopReceipt><TimeNextVisible>Sat, 21 Nov 2026 21:01:51 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>";
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(created) });
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);

        var receipt = await factory.GetQueue("orders").SendAsync("{\"city\":\"Gjakovë\"}");

        Assert.Equal("m1", receipt.MessageId);
        var (_, uri, body, auth) = Assert.Single(handler.Requests);
        Assert.Equal("/devstoreaccount1/orders/messages", uri.AbsolutePath);
        Assert.Equal($"<QueueMessage><MessageText>{Convert.ToBase64String("{\"city\":\"Gjakovë\"}"u8.ToArray())}</MessageText></QueueMessage>", body);
        Assert.StartsWith("SharedKey devstoreaccount1:", auth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_EntityWire_CarriesOdataTypeAnnotations()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Status(HttpStatusCode.NoContent));
        using var factory = new StorageClientFactory(StorageConnectionString.Parse("UseDevelopmentStorage=true"), FastRetries, handler, null);
        var entity = new TableEntity("p/1", "r#1")
        {
            ["Big"] = 9007199254740993L,
            ["Ratio"] = 2.0,
            ["When"] = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            ["Id"] = Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833"),
            ["Bin"] = new byte[] { 1, 2, 3 },
        };

        await factory.GetTable("jobs").AddAsync(entity);

        var body = Assert.Single(handler.Requests).Body!;
        Assert.Contains("\"PartitionKey\":\"p%2F1\",\"RowKey\":\"r%231\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Big\":\"9007199254740993\",\"Big@odata.type\":\"Edm.Int64\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Ratio\":2,\"Ratio@odata.type\":\"Edm.Double\"", body, StringComparison.Ordinal);
        Assert.Contains("\"When\":\"2024-05-01T08:00:00.0000000Z\",\"When@odata.type\":\"Edm.DateTime\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Id@odata.type\":\"Edm.Guid\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Bin\":\"AQID\",\"Bin@odata.type\":\"Edm.Binary\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var options = new StorageClientOptions { MaxRetries = -1, BaseDelay = TimeSpan.Zero, AttemptTimeout = TimeSpan.Zero };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("MaxRetries", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BaseDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
