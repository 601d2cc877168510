using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Alerts.Storage.Connection;
using Azure.Core;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Alerts.Storage.Http;

/// <summary>
/// Sends storage requests: one shared <see cref="HttpClient"/>, authentication per attempt (a fresh
/// <c>x-ms-date</c> and signature, or a bearer token), and one Polly pipeline, built once, that
/// retries only transient failures with jittered exponential backoff honouring <c>Retry-After</c>.
/// </summary>
internal sealed class StoragePipeline : IDisposable
{
    public const string QueueVersion = "2019-12-12";
    public const string TableVersion = "2019-02-02";
    private static readonly string[] StorageScopes = ["https://storage.azure.com/.default"];

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _resilience;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private AccessToken _token;

    public StoragePipeline(StorageAccount account, StorageClientOptions options, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        options.Validate();
        Account = account;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.None }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline's per-attempt timeout governs
        };
        _resilience = BuildResilience(options, _time);
    }

    public StorageAccount Account { get; }

    /// <summary>
    /// Sends the request built by <paramref name="build"/> (called once per attempt). The caller
    /// owns the returned response; only transport failures after all retries throw.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(StorageService service, Func<HttpRequestMessage> build, string operation, CancellationToken ct)
    {
        try
        {
            return await _resilience.ExecuteAsync(
                async token =>
                {
                    using var request = build();
                    await AuthorizeAsync(service, request, token).ConfigureAwait(false);
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new StorageRequestException(0, null, $"{operation} failed: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _http.Dispose();

        _tokenLock.Dispose();
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable;

    private static ResiliencePipeline<HttpResponseMessage> BuildResilience(StorageClientOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxDelay, time)),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>The server's <c>Retry-After</c>, capped; null lets the backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        var wait = response is null ? null : Alerts.Core.Http.RetryAfter.Of(response.Headers, time);
        return wait > cap ? cap : wait;
    }

    private async Task AuthorizeAsync(StorageService service, HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-version");
        request.Headers.TryAddWithoutValidation("x-ms-date", _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-ms-version", service == StorageService.Queue ? QueueVersion : TableVersion);
        if (Account.SharedKey is { } key)
        {
            var stringToSign = service == StorageService.Queue
                ? SharedKeySigner.QueueStringToSign(request, Account.AccountName)
                : SharedKeySigner.TableStringToSign(request, Account.AccountName);
            var scheme = service == StorageService.Queue ? "SharedKey" : "SharedKeyLite";
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, $"{Account.AccountName}:{SharedKeySigner.Sign(stringToSign, key)}");
            return;
        }

        var token = await GetTokenAsync(ct).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> GetTokenAsync(CancellationToken ct)
    {
        if (_token.ExpiresOn > _time.GetUtcNow().AddMinutes(5))
        {
            return _token.Token;
        }

        await _tokenLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token.ExpiresOn <= _time.GetUtcNow().AddMinutes(5))
            {
                _token = await Account.TokenCredential!.GetTokenAsync(new TokenRequestContext(StorageScopes), ct).ConfigureAwait(false);
            }

            return _token.Token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
