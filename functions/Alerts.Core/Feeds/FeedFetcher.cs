using System.Net;
using Polly;

namespace Alerts.Core.Feeds;

/// <summary>
/// Polls feeds politely and safely: one shared HttpClient; conditional GET with the stored ETag
/// and Last-Modified; Cache-Control max-age, 429 and 503 respected per feed; redirects followed by
/// hand (each hop checked, a permanent one updating the stored URL); gzip, deflate and brotli; the
/// body capped while streaming; one Polly pipeline with a per-attempt timeout that retries
/// timeouts, connection failures and 5xx, honouring Retry-After. Addresses are checked when the
/// connection is made (<see cref="AddressGuard"/>), unless private addresses are allowed.
/// </summary>
public sealed partial class FeedFetcher : IDisposable
{
    private readonly FeedFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<Attempt> _pipeline;

    /// <summary>Builds the fetcher; throws listing every invalid option.</summary>
    public FeedFetcher(FeedFetcherOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"AlertsFeedReader/1.0 (+{options.ContactUrl})");
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
        _pipeline = BuildPipeline(options, time);
    }

    /// <summary>Fetches the feed unless its NotBefore has not passed; never throws for network or server trouble.</summary>
    public async Task<FetchResult> FetchAsync(FeedState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = _time.GetUtcNow();
        if (state.NotBefore is { } notBefore && notBefore > now)
        {
            return new FetchResult(FetchStatus.Skipped, state);
        }

        var url = state.Url;
        var permanentUrl = state.Url;
        var allPermanent = true;
        var requests = 0;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return Refuse(state, $"'{url}' is not an http(s) URL", requests);
            }

            if (!_options.AllowPrivateAddresses && IPAddress.TryParse(uri.IdnHost, out var literal) && AddressGuard.IsBlocked(literal))
            {
                return Refuse(state, $"{uri.Host} is a private, loopback or link-local address", requests);
            }

            var sameUrl = url == state.Url;
            var attempt = await SendAsync(uri, sameUrl ? state : null, ct).ConfigureAwait(false);
            requests += attempt.Tries;
            if (attempt.Blocked)
            {
                return Refuse(state, $"{uri.Host} resolves to a private, loopback or link-local address", requests);
            }

            if (attempt.Status is 301 or 302 or 303 or 307 or 308 && attempt.Location is { } location)
            {
                url = new Uri(uri, location).ToString();
                allPermanent &= attempt.Status is 301 or 308;
                if (allPermanent)
                {
                    permanentUrl = url; // only a chain of permanent redirects moves the stored URL
                }

                continue;
            }

            return Complete(state with { Url = permanentUrl }, attempt, requests, now);
        }

        return Fail(state, $"more than {_options.MaxRedirects} redirects", null, requests, now);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private FetchResult Complete(FeedState state, Attempt attempt, int requests, DateTimeOffset now)
    {
        if (attempt.Error is not null)
        {
            return attempt.TooLarge ? Refuse(state, attempt.Error, requests) : Fail(state, attempt.Error, attempt.Status, requests, now);
        }

        var fresh = state with { LastPolled = now, ConsecutiveFailures = 0, LastError = null, NotBefore = attempt.MaxAge is { } age ? now + Min(age, _options.MaxBackoff) : null };
        switch (attempt.Status)
        {
            case 304:
                return new FetchResult(FetchStatus.NotModified, fresh, HttpStatus: 304, Requests: requests);
            case >= 200 and < 300:
                return new FetchResult(
                    FetchStatus.Fetched,
                    fresh with { ETag = attempt.ETag ?? state.ETag, LastModified = attempt.LastModified ?? state.LastModified },
                    attempt.Body,
                    attempt.Charset,
                    attempt.Status,
                    Requests: requests);
            case 429 or 503:
                var failures = state.ConsecutiveFailures + 1;
                var wait = attempt.RetryAfter ?? Min(_options.DefaultBackoff * Math.Pow(2, Math.Min(failures - 1, 10)), _options.MaxBackoff);
                return new FetchResult(
                    FetchStatus.Throttled,
                    state with { LastPolled = now, ConsecutiveFailures = failures, NotBefore = now + Min(wait, _options.MaxBackoff), LastError = $"HTTP {attempt.Status}" },
                    HttpStatus: attempt.Status,
                    Error: $"throttled by the server (HTTP {attempt.Status})",
                    Requests: requests);
            default:
                return Fail(state, $"HTTP {attempt.Status}", attempt.Status, requests, now);
        }
    }

    private FetchResult Fail(FeedState state, string error, int? status, int requests, DateTimeOffset now)
    {
        var failures = state.ConsecutiveFailures + 1;
        var backoff = Min(TimeSpan.FromMinutes(1) * Math.Pow(2, Math.Min(failures - 1, 10)), _options.MaxBackoff);
        return new FetchResult(FetchStatus.Failed, state with { LastPolled = now, ConsecutiveFailures = failures, NotBefore = now + backoff, LastError = error }, HttpStatus: status, Error: error, Requests: requests);
    }

    private static FetchResult Refuse(FeedState state, string error, int requests) =>
        new(FetchStatus.Refused, state with { LastError = error }, Error: error, Requests: requests);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
