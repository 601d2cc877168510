namespace Alerts.Core.Pipeline;

/// <summary>How a delivery ended: delivered, to be retried (the invocation fails), or refused for good.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int? Status, string Detail);

/// <summary>See <see cref="DeliveryResult"/>.</summary>
public enum DeliveryOutcome
{
    /// <summary>The receiver accepted it (2xx).</summary>
    Delivered,

    /// <summary>A timeout, connection failure, 408, 429 or 5xx: try again later.</summary>
    Retry,

    /// <summary>Another 4xx: retrying will not help; recorded.</summary>
    Permanent,
}
