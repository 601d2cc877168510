using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Delivery;
using Alerts.Core.Situation;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Deliver: posts one alert to one subscription — a webhook signed per Standard Webhooks with a
/// <c>webhook-id</c> stable per alert and subscription (so receivers can drop duplicates), or a
/// Slack Block Kit message. Query strings of target URLs are never logged.
/// </summary>
public sealed class DeliverySender(HttpClient http, TimeProvider time)
{
    /// <summary>The stable delivery id of an alert for a subscription.</summary>
    public static string DeliveryId(string alertId, string subscription) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{alertId}\n{subscription}")))[..24];

    /// <summary>Sends and classifies the outcome.</summary>
    public async Task<DeliveryResult> SendAsync(SubscriptionConfig subscription, AlertEvent alert, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(alert);
        var body = subscription.Kind == "slack" ? SlackMessage.Json(alert) : AlertPayload.Json(alert);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (subscription.Kind == "webhook")
        {
            foreach (var (name, value) in WebhookSigner.Headers(WebhookSecret.Parse(subscription.Secret!), DeliveryId(alert.Id, subscription.Id), time.GetUtcNow(), body))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new DeliveryResult(DeliveryOutcome.Delivered, status, "delivered"),
                408 or 429 or >= 500 => new DeliveryResult(DeliveryOutcome.Retry, status, $"HTTP {status}"),
                _ => new DeliveryResult(DeliveryOutcome.Permanent, status, $"HTTP {status}: the receiver refused it"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, ex is OperationCanceledException ? "timed out" : "connection failed");
        }
    }

    /// <summary>A URL for logs and API answers: scheme and host only. Paths and queries of webhook URLs often are the secret (a Slack incoming-webhook URL is).</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Authority}{(u.PathAndQuery.Length > 1 ? "/…" : "/")}" : "(invalid url)";
}
