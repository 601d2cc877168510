using System.IO.Compression;
using System.Net;
using System.Text;
using Alerts.Core.Feeds;
using Alerts.Testing;

namespace Alerts.Core.Tests.Feeds;

/// <summary>The fetcher against a real HTTP server on 127.0.0.1 (private addresses allowed, as in local development).</summary>
public sealed class FeedFetcherTests
{
    private const string Rss = "<rss version=\"2.0\"><channel><title>Local</title><item><title>One</title><link>http://x.example/1</link></item></channel></rss>";
    private static readonly byte[] RssBytes = Encoding.UTF8.GetBytes(Rss);

    private static FeedFetcher Fetcher(Action<FeedFetcherOptions>? configure = null)
    {
        var options = new FeedFetcherOptions { AllowPrivateAddresses = true, RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new FeedFetcher(options, TimeProvider.System);
    }

    private static async Task Write(HttpListenerContext c, byte[] body, string type = "application/rss+xml; charset=utf-8")
    {
        c.Response.ContentType = type;
        c.Response.ContentLength64 = body.Length;
        await c.Response.OutputStream.WriteAsync(body);
    }

    [Fact]
    public async Task Fetch_Unchanged_ConditionalGetCostsOneRequestAndNoBody()
    {
        await using var server = new TestHttpServer(async c =>
        {
            if (c.Request.Headers["If-None-Match"] == "\"v1\"")
            {
                c.Response.StatusCode = 304;
                return;
            }

            c.Response.Headers["ETag"] = "\"v1\"";
            c.Response.Headers["Last-Modified"] = "Sat, 03 Oct 2020 08:00:00 GMT";
            await Write(c, RssBytes);
        });
        using var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(new FeedState(server.Url + "feed"));
        var second = await fetcher.FetchAsync(first.State);

        Assert.Equal(FetchStatus.Fetched, first.Status);
        Assert.Equal("\"v1\"", first.State.ETag);
        Assert.Equal("Sat, 03 Oct 2020 08:00:00 GMT", first.State.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);
        Assert.Equal(1, second.Requests);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("Sat, 03 Oct 2020 08:00:00 GMT", server.Requests[1].IfModifiedSince);
        Assert.StartsWith("AlertsFeedReader/1.0 (+https://", server.Requests[0].UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_PermanentRedirect_UpdatesStoredUrl_TemporaryDoesNot()
    {
        await using var server = new TestHttpServer(async c =>
        {
            switch (c.Request.Url!.AbsolutePath)
            {
                case "/old":
                    c.Response.StatusCode = 301;
                    c.Response.Headers["Location"] = "/new";
                    return;
                case "/temp":
                    c.Response.StatusCode = 302;
                    c.Response.Headers["Location"] = "/new";
                    return;
                default:
                    await Write(c, RssBytes);
                    return;
            }
        });
        using var fetcher = Fetcher();

        var moved = await fetcher.FetchAsync(new FeedState(server.Url + "old"));
        var temporary = await fetcher.FetchAsync(new FeedState(server.Url + "temp"));

        Assert.Equal(FetchStatus.Fetched, moved.Status);
        Assert.Equal(server.Url + "new", moved.State.Url);
        Assert.Equal(server.Url + "temp", temporary.State.Url);
        Assert.NotNull(temporary.Body);
    }

    [Fact]
    public async Task Fetch_TooManyRequestsWithRetryAfter_ThrottlesTheFeedAndSkipsUntilThen()
    {
        await using var server = new TestHttpServer(c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers["Retry-After"] = "120";
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();
        var before = DateTimeOffset.UtcNow;

        var throttled = await fetcher.FetchAsync(new FeedState(server.Url));
        var skipped = await fetcher.FetchAsync(throttled.State);

        Assert.Equal(FetchStatus.Throttled, throttled.Status);
        Assert.InRange(throttled.State.NotBefore!.Value, before.AddSeconds(115), before.AddSeconds(130));
        Assert.Equal(1, throttled.Requests);
        Assert.Equal(FetchStatus.Skipped, skipped.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Fetch_TransientServerError_IsRetried()
    {
        var calls = 0;
        await using var server = new TestHttpServer(async c =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.StatusCode = 500;
                return;
            }

            await Write(c, RssBytes);
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new FeedState(server.Url));

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task Fetch_NotFound_FailsWithoutRetryAndBacksOff()
    {
        await using var server = new TestHttpServer(c =>
        {
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new FeedState(server.Url));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(1, result.Requests);
        Assert.Equal(1, result.State.ConsecutiveFailures);
        Assert.NotNull(result.State.NotBefore);
    }

    [Fact]
    public async Task Fetch_SlowServer_TimesOutPerAttempt()
    {
        await using var server = new TestHttpServer(async c =>
        {
            await Task.Delay(3000);
            await Write(c, RssBytes);
        });
        using var fetcher = Fetcher(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });

        var result = await fetcher.FetchAsync(new FeedState(server.Url));

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Requests);
    }

    [Fact]
    public async Task Fetch_OversizedStreamingBody_IsRefusedWhileReading()
    {
        await using var server = new TestHttpServer(async c =>
        {
            c.Response.SendChunked = true;
            var block = new byte[8192];
            for (var i = 0; i < 64; i++)
            {
                await c.Response.OutputStream.WriteAsync(block);
            }
        });
        using var fetcher = Fetcher(o => o.MaxBodyBytes = 64 * 1024);

        var result = await fetcher.FetchAsync(new FeedState(server.Url));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("exceeds the limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_Gzip_IsDecompressed()
    {
        await using var server = new TestHttpServer(async c =>
        {
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(RssBytes);
            }

            c.Response.Headers["Content-Encoding"] = "gzip";
            await Write(c, buffer.ToArray());
        });
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new FeedState(server.Url));

        Assert.Equal(Rss, Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task Fetch_WrongCharsetHeader_IsRecoveredByTheReader()
    {
        var latin1 = Encoding.Latin1.GetBytes("<rss><channel><title>Café</title></channel></rss>");
        await using var server = new TestHttpServer(c => Write(c, latin1, "application/rss+xml; charset=utf-8"));
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new FeedState(server.Url));
        var doc = new FeedReader().Parse(result.Body!, result.Charset);

        Assert.Equal("utf-8", result.Charset);
        Assert.Equal("Café", doc.Title);
        Assert.True(doc.IllFormed);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/feed")]
    [InlineData("http://localhost:{port}/feed")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:{port}/feed")]
    [InlineData("http://10.0.0.7/feed")]
    [InlineData("file:///etc/passwd")]
    public async Task Fetch_PrivateAndMetadataAddresses_AreRefusedWithoutARequest(string template)
    {
        await using var server = new TestHttpServer(c => Write(c, RssBytes));
        using var fetcher = Fetcher(o => o.AllowPrivateAddresses = false);

        var result = await fetcher.FetchAsync(new FeedState(template.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Fetch_DefaultOptions_RefuseLoopback()
    {
        await using var target = new TestHttpServer(c => Write(c, RssBytes));
        using var fetcher = new FeedFetcher(new FeedFetcherOptions(), TimeProvider.System);

        var result = await fetcher.FetchAsync(new FeedState(target.Url));

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("private", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700:4700::1111", false)]
    [InlineData("172.32.0.1", false)]
    public void AddressGuard_ClassifiesAddresses(string address, bool blocked)
    {
        Assert.Equal(blocked, AddressGuard.IsBlocked(IPAddress.Parse(address)));
    }
}
