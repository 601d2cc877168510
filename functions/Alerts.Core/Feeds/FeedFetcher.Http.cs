using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alerts.Core.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Alerts.Core.Feeds;

/// <summary>One request with retries, the connection guard, and the capped body read.</summary>
public sealed partial class FeedFetcher
{
    private async Task<Attempt> SendAsync(Uri uri, FeedState? validators, CancellationToken ct)
    {
        var tries = 0;
        try
        {
            var attempt = await _pipeline.ExecuteAsync(
                async token =>
                {
                    tries++;
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    if (validators?.ETag is { } etag)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    if (validators?.LastModified is { } modified)
                    {
                        request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
                    }

                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                    return await ReadAsync(response, token).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);
            return attempt with { Tries = tries };
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException || ex.InnerException?.InnerException is BlockedAddressException)
        {
            return Attempt.Failure("blocked address", tries) with { Blocked = true };
        }
        catch (HttpRequestException ex)
        {
            return Attempt.Failure($"connection failed: {ex.Message}", tries);
        }
        catch (TimeoutRejectedException)
        {
            return Attempt.Failure($"timed out after {_options.AttemptTimeout.TotalSeconds:N0} s", tries);
        }
    }

    private async Task<Attempt> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var attempt = new Attempt(
            status,
            response.Headers.Location?.ToString(),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
            response.Headers.CacheControl?.MaxAge,
            RetryAfter.Of(response.Headers, _time),
            response.Content.Headers.ContentType?.CharSet?.Trim('"'),
            null,
            null);
        if (status is < 200 or >= 300)
        {
            return attempt;
        }

        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxBodyBytes)
        {
            return attempt with { Error = $"body of {length:N0} bytes exceeds the limit of {_options.MaxBodyBytes:N0}", TooLarge = true };
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxBodyBytes)
            {
                return attempt with { Error = $"body exceeds the limit of {_options.MaxBodyBytes:N0} bytes", TooLarge = true };
            }

            buffer.Write(chunk, 0, read);
        }

        return attempt with { Body = buffer.ToArray() };
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct).ConfigureAwait(false);
        var allowed = _options.AllowPrivateAddresses ? addresses : addresses.Where(a => !AddressGuard.IsBlocked(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException($"{context.DnsEndPoint.Host} resolves only to blocked addresses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static ResiliencePipeline<Attempt> BuildPipeline(FeedFetcherOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>(ex => ex.InnerException is not BlockedAddressException && ex.InnerException?.InnerException is not BlockedAddressException)
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Status is 500 or 502 or 504 or 408 || (a.Status is 429 or 503 && (a.RetryAfter ?? TimeSpan.MaxValue) <= options.MaxRetryWait)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait && wait <= options.MaxRetryWait ? (TimeSpan?)wait : null),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>What one HTTP exchange produced, detached from the response so it survives retries.</summary>
    private sealed record Attempt(int Status, string? Location, string? ETag, string? LastModified, TimeSpan? MaxAge, TimeSpan? RetryAfter, string? Charset, byte[]? Body, string? Error)
    {
        public int Tries { get; init; }

        public bool Blocked { get; init; }

        public bool TooLarge { get; init; }

        public static Attempt Failure(string error, int tries) => new(0, null, null, null, null, null, null, null, error) { Tries = tries };
    }

    private sealed class BlockedAddressException(string message) : IOException(message);
}
