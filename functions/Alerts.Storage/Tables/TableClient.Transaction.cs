using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core.Storage;
using Alerts.Storage.Http;

namespace Alerts.Storage.Tables;

/// <summary>Entity-group transactions (learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).</summary>
internal sealed partial class TableClient
{
    public const int MaxTransactionActions = 100;
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    public async Task<TableTransactionResult> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct = default)
    {
        ValidateTransaction(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(BuildBatch(actions, batchBoundary, changesetBoundary));
        if (body.Length > MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction is {body.Length:N0} bytes; the limit is {MaxTransactionBytes:N0}.", nameof(actions));
        }

        using var response = await _pipeline.SendAsync(
            StorageService.Table,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"{_base}/$batch");
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0;");
                request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
                return request;
            },
            $"Transaction on table '{Name}'",
            ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await Fail(response, "Transaction", ct).ConfigureAwait(false);
        }

        return ParseBatchResponse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), actions.Count);
    }

    private static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1–{MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"All actions of a transaction must share one PartitionKey; found '{partition}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"RowKey '{action.Entity.RowKey}' appears twice in one transaction.", nameof(actions));
            }

            if (action.Type != TableTransactionActionType.Delete)
            {
                EntityLimits.Validate(action.Entity);
            }
        }
    }

    private string BuildBatch(IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        // CRLF line endings, absolute URLs and one-line JSON bodies: what the service and Azurite parse.
        var sb = new StringBuilder();
        sb.Append("--").Append(batchBoundary).Append("\r\n")
          .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var (method, url, ifMatch, hasBody) = action.Type switch
            {
                TableTransactionActionType.Add => ("POST", $"{_base}/{Name}", (string?)null, true),
                TableTransactionActionType.UpdateReplace => ("PUT", EntityUrl(action.Entity), action.IfMatch, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", EntityUrl(action.Entity), action.IfMatch, true),
                TableTransactionActionType.UpsertReplace => ("PUT", EntityUrl(action.Entity), null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", EntityUrl(action.Entity), null, true),
                TableTransactionActionType.Delete => ("DELETE", EntityUrl(action.Entity), action.IfMatch, false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.Type, "Unknown transaction action."),
            };
            sb.Append("--").Append(changesetBoundary).Append("\r\n")
              .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
              .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
              .Append("Accept: ").Append(Accept).Append("\r\n")
              .Append("DataServiceVersion: 3.0;\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                sb.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n")
                  .Append(EntityJson.Utf8(EntityJson.Write(action.Entity))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changesetBoundary).Append("--\r\n")
          .Append("--").Append(batchBoundary).Append("--\r\n");
        return sb.ToString();
    }

    private string EntityUrl(TableEntity entity) => $"{_base}/{EntityJson.KeyPath(Name, entity.PartitionKey, entity.RowKey)}";

    internal static TableTransactionResult ParseBatchResponse(string body, int actionCount)
    {
        var statuses = StatusLine().Matches(body).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (statuses.Count == actionCount && statuses.All(s => s is >= 200 and < 300))
        {
            var etags = new List<string?>();
            foreach (var part in StatusLine().Split(body).Skip(1).Where((_, i) => i % 2 == 1))
            {
                var m = ETagLine().Match(part);
                etags.Add(m.Success ? m.Groups[1].Value.Trim() : null);
            }

            return new TableTransactionResult(true, etags, null, null, null);
        }

        var failed = statuses.FirstOrDefault(s => s >= 300);
        string? code = null;
        int? index = null;
        var jsonStart = body.IndexOf("{\"odata.error\"", StringComparison.Ordinal);
        if (jsonStart >= 0)
        {
            try
            {
                using var reader = new StringReader(body[jsonStart..]);
                using var doc = JsonDocument.Parse(reader.ReadLine()!);
                var error = doc.RootElement.GetProperty("odata.error");
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                var idx = message is null ? null : IndexPrefix().Match(message);
                if (idx is { Success: true })
                {
                    index = int.Parse(idx.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
            catch (JsonException)
            {
                // The status line still tells the caller what happened.
            }
        }

        return new TableTransactionResult(false, [], index ?? 0, failed == 0 ? null : failed, code);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ETag:\s*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ETagLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
