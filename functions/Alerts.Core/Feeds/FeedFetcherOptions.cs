namespace Alerts.Core.Feeds;

/// <summary>Settings of the feed fetcher; validated when the fetcher is built.</summary>
public sealed class FeedFetcherOptions
{
    /// <summary>Where server operators can reach us; sent in the User-Agent.</summary>
    public Uri ContactUrl { get; set; } = new("https://github.com/alerts-project/alerts");

    /// <summary>The time one request may take, including reading the body.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries for timeouts, connection failures and 5xx.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay (doubles, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for inside a poll; the feed is throttled instead.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest response body, in bytes, enforced while streaming.</summary>
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most redirects followed.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Back-off when a server throttles without Retry-After, doubled per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan DefaultBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest back-off.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Allow loopback and private addresses (local development and tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Throws listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("AttemptTimeout must be positive");
        }

        if (MaxRetries is < 0 or > 10)
        {
            problems.Add("MaxRetries must be 0–10");
        }

        if (MaxBodyBytes < 1024)
        {
            problems.Add("MaxBodyBytes must be at least 1024");
        }

        if (MaxRedirects is < 0 or > 20)
        {
            problems.Add("MaxRedirects must be 0–20");
        }

        if (!ContactUrl.IsAbsoluteUri)
        {
            problems.Add("ContactUrl must be absolute");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid feed fetcher options: " + string.Join("; ", problems) + ".");
        }
    }
}
