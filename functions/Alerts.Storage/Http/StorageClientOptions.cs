namespace Alerts.Storage.Http;

/// <summary>Retry and timeout settings of the storage HTTP pipeline.</summary>
public sealed class StorageClientOptions
{
    /// <summary>Retries after the first attempt for transient failures (timeouts, 408, 429, 500, 503).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The largest delay between attempts, also the cap on a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxRetries is < 0 or > 20)
        {
            problems.Add($"MaxRetries must be 0–20, not {MaxRetries}");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            problems.Add("BaseDelay must be positive");
        }

        if (MaxDelay < BaseDelay)
        {
            problems.Add("MaxDelay must be at least BaseDelay");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("AttemptTimeout must be positive");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid storage client options: " + string.Join("; ", problems) + ".");
        }
    }
}
