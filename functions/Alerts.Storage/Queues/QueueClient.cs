using System.Globalization;
using System.Net;
using Alerts.Core.Storage;
using Alerts.Storage.Http;

namespace Alerts.Storage.Queues;

/// <summary>The Queue service REST API for one queue. Thread-safe; cheap to create.</summary>
internal sealed class QueueClient : IQueue
{
    /// <summary>The service limit on an encoded message (64 KiB); Base64 leaves 48 KiB of UTF-8 payload.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private readonly StoragePipeline _pipeline;
    private readonly string _url;

    public QueueClient(StoragePipeline pipeline, string name)
    {
        QueueName.Validate(name);
        _pipeline = pipeline;
        Name = name;
        _url = pipeline.Account.QueueEndpoint.ToString().TrimEnd('/') + "/" + name;
    }

    public string Name { get; }

    public async Task<bool> CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Put, _url, null, "Create queue", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.NoContent => false,
            HttpStatusCode.Conflict when await CodeAsync(response, ct).ConfigureAwait(false) == "QueueAlreadyExists" => false,
            _ => throw await StorageErrors.CreateAsync(response, $"Create queue '{Name}'", ct).ConfigureAwait(false),
        };
    }

    public async Task<bool> DeleteIfExistsAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, _url, null, "Delete queue", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await StorageErrors.CreateAsync(response, $"Delete queue '{Name}'", ct).ConfigureAwait(false),
        };
    }

    public async Task<QueueReceipt> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = Encode(text);
        var query = new List<string>();
        if (visibilityDelay is { } delay)
        {
            CheckRange(delay, TimeSpan.Zero, MaxVisibility, nameof(visibilityDelay));
            query.Add($"visibilitytimeout={Seconds(delay)}");
        }

        if (timeToLive is { } ttl)
        {
            if (ttl != Timeout.InfiniteTimeSpan && ttl < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "A message's time to live must be at least one second, or infinite.");
            }

            if (visibilityDelay is { } d && ttl != Timeout.InfiniteTimeSpan && d >= ttl)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityDelay), d, "The initial invisibility must be shorter than the time to live.");
            }

            query.Add($"messagettl={(ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl))}");
        }

        var url = _url + "/messages" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        using var response = await SendAsync(HttpMethod.Post, url, QueueXml.MessageBody(encoded), "Send message", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.Created, "Send message", ct).ConfigureAwait(false);
        var xml = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return QueueXml.ToReceipt(QueueXml.Messages(xml).Single());
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "A receive takes 1–32 messages.");
        }

        CheckRange(visibilityTimeout, TimeSpan.FromSeconds(1), MaxVisibility, nameof(visibilityTimeout));
        var url = $"{_url}/messages?numofmessages={maxMessages}&visibilitytimeout={Seconds(visibilityTimeout)}";
        using var response = await SendAsync(HttpMethod.Get, url, null, "Receive messages", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.OK, "Receive messages", ct).ConfigureAwait(false);
        var xml = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return QueueXml.Messages(xml).Select(QueueXml.ToMessage).ToList();
    }

    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages = 1, CancellationToken ct = default)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "A peek takes 1–32 messages.");
        }

        using var response = await SendAsync(HttpMethod.Get, $"{_url}/messages?peekonly=true&numofmessages={maxMessages}", null, "Peek messages", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.OK, "Peek messages", ct).ConfigureAwait(false);
        var xml = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return QueueXml.Messages(xml).Select(QueueXml.ToPeeked).ToList();
    }

    public async Task<bool> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        var url = $"{_url}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}";
        using var response = await SendAsync(HttpMethod.Delete, url, null, "Delete message", ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return true;
        }

        var code = await CodeAsync(response, ct).ConfigureAwait(false);
        if (code is "MessageNotFound" or "PopReceiptMismatch")
        {
            return false;
        }

        throw await StorageErrors.CreateAsync(response, "Delete message", ct).ConfigureAwait(false);
    }

    public async Task<QueueReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken ct = default)
    {
        CheckRange(visibilityTimeout, TimeSpan.Zero, MaxVisibility, nameof(visibilityTimeout));
        var body = newText is null ? null : QueueXml.MessageBody(Encode(newText));
        var url = $"{_url}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={Seconds(visibilityTimeout)}";
        using var response = await SendAsync(HttpMethod.Put, url, body, "Update message", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.NoContent, "Update message", ct).ConfigureAwait(false);
        var receipt = response.Headers.GetValues("x-ms-popreceipt").First();
        var next = DateTimeOffset.Parse(response.Headers.GetValues("x-ms-time-next-visible").First(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new QueueReceipt(messageId, receipt, next);
    }

    public async Task<int> GetApproximateMessageCountAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, _url + "?comp=metadata", null, "Get queue properties", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.OK, "Get queue properties", ct).ConfigureAwait(false);
        return int.Parse(response.Headers.GetValues("x-ms-approximate-messages-count").First(), CultureInfo.InvariantCulture);
    }

    public async Task ClearAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, _url + "/messages", null, "Clear messages", ct).ConfigureAwait(false);
        await EnsureAsync(response, HttpStatusCode.NoContent, "Clear messages", ct).ConfigureAwait(false);
    }

    /// <summary>Base64 of the UTF-8 text, refused when over the service limit rather than truncated.</summary>
    internal static string Encode(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var encodedLength = (bytes.Length + 2) / 3 * 4;
        if (encodedLength > MaxEncodedMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {bytes.Length:N0} bytes of UTF-8 ({encodedLength:N0} Base64-encoded); the queue limit is {MaxEncodedMessageBytes:N0} encoded bytes ({MaxEncodedMessageBytes / 4 * 3:N0} bytes of text). Store large content elsewhere and send a reference.",
                nameof(text));
        }

        return Convert.ToBase64String(bytes);
    }

    private static string Seconds(TimeSpan t) => ((long)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static void CheckRange(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be between {min} and {max}.");
        }
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken ct) =>
        (await StorageErrors.ReadAsync(response, ct).ConfigureAwait(false)).Code;

    private async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string operation, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            throw await StorageErrors.CreateAsync(response, $"{operation} on queue '{Name}'", ct).ConfigureAwait(false);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[]? body, string operation, CancellationToken ct) =>
        _pipeline.SendAsync(
            StorageService.Queue,
            () =>
            {
                var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new("application/xml");
                }

                return request;
            },
            $"{operation} on queue '{Name}'",
            ct);
}
