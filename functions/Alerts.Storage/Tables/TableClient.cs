using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alerts.Core.Storage;
using Alerts.Storage.Http;

namespace Alerts.Storage.Tables;

/// <summary>The Table service REST API for one table. Thread-safe; cheap to create.</summary>
internal sealed partial class TableClient : ITable
{
    private const string Accept = "application/json;odata=minimalmetadata";
    private readonly StoragePipeline _pipeline;
    private readonly string _base;

    public TableClient(StoragePipeline pipeline, string name)
    {
        TableName.Validate(name);
        _pipeline = pipeline;
        Name = name;
        _base = pipeline.Account.TableEndpoint.ToString().TrimEnd('/');
    }

    public string Name { get; }

    public async Task<bool> CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var response = await SendAsync(HttpMethod.Post, $"{_base}/Tables", body, null, "Create table", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.NoContent => true,
            HttpStatusCode.Conflict => false,
            _ => throw await Fail(response, "Create table", ct).ConfigureAwait(false),
        };
    }

    public async Task<bool> DeleteIfExistsAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"{_base}/Tables('{Name}')", null, null, "Delete table", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            _ => throw await Fail(response, "Delete table", ct).ConfigureAwait(false),
        };
    }

    public async Task<TableWriteResult> AddAsync(TableEntity entity, CancellationToken ct = default)
    {
        EntityLimits.Validate(entity);
        using var response = await SendAsync(HttpMethod.Post, $"{_base}/{Name}", EntityJson.Write(entity), null, "Add entity", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.NoContent => TableWriteResult.Success(ETag(response)),
            HttpStatusCode.Conflict => TableWriteResult.AlreadyExists,
            _ => throw await Fail(response, "Add entity", ct).ConfigureAwait(false),
        };
    }

    public Task<TableWriteResult> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default) =>
        WriteAsync(entity, null, mode, "Upsert entity", ct);

    public Task<TableWriteResult> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(entity, ifMatch, mode, "Update entity", ct);
    }

    public async Task<TableWriteResult> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var response = await SendAsync(HttpMethod.Delete, $"{_base}/{EntityJson.KeyPath(Name, partitionKey, rowKey)}", null, ifMatch, "Delete entity", ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => TableWriteResult.Success(null),
            HttpStatusCode.NotFound => TableWriteResult.NotFound,
            HttpStatusCode.PreconditionFailed => TableWriteResult.PreconditionFailed,
            _ => throw await Fail(response, "Delete entity", ct).ConfigureAwait(false),
        };
    }

    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{_base}/{EntityJson.KeyPath(Name, partitionKey, rowKey)}", null, null, "Get entity", ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await Fail(response, "Get entity", ct).ConfigureAwait(false);
        }

        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
        return EntityJson.Read(doc.RootElement, ETag(response));
    }

    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IReadOnlyList<string>? select = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (select is { Count: > 0 })
        {
            query.Add("$select=" + Uri.EscapeDataString(string.Join(",", select.Union(["PartitionKey", "RowKey"]))));
        }

        var baseUrl = $"{_base}/{Name}()";
        string? nextPartition = null, nextRow = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var parts = new List<string>(query);
            if (nextPartition is not null)
            {
                parts.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartition));
                if (nextRow is not null)
                {
                    parts.Add("NextRowKey=" + Uri.EscapeDataString(nextRow));
                }
            }

            var url = parts.Count == 0 ? baseUrl : baseUrl + "?" + string.Join("&", parts);
            List<TableEntity> page;
            using (var response = await SendAsync(HttpMethod.Get, url, null, null, "Query entities", ct).ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw await Fail(response, "Query entities", ct).ConfigureAwait(false);
                }

                using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
                page = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => EntityJson.Read(e)).ToList();
                nextPartition = Header(response, "x-ms-continuation-NextPartitionKey");
                nextRow = Header(response, "x-ms-continuation-NextRowKey");
            }

            foreach (var entity in page)
            {
                yield return entity;
            }

            // A service that hands back the same token twice would loop forever (seen in old Azurite versions).
            if (nextPartition is not null && !seen.Add(nextPartition + "\n" + nextRow))
            {
                throw new StorageRequestException(200, "ContinuationLoop", $"Query entities on table '{Name}' got the same continuation token twice.");
            }
        }
        while (nextPartition is not null);
    }

    private async Task<TableWriteResult> WriteAsync(TableEntity entity, string? ifMatch, TableUpdateMode mode, string operation, CancellationToken ct)
    {
        EntityLimits.Validate(entity);
        var method = mode == TableUpdateMode.Merge ? new HttpMethod("MERGE") : HttpMethod.Put;
        using var response = await SendAsync(method, $"{_base}/{EntityJson.KeyPath(Name, entity.PartitionKey, entity.RowKey)}", EntityJson.Write(entity), ifMatch, operation, ct).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.OK => TableWriteResult.Success(ETag(response)),
            HttpStatusCode.NotFound when ifMatch is not null => TableWriteResult.NotFound,
            HttpStatusCode.PreconditionFailed => TableWriteResult.PreconditionFailed,
            _ => throw await Fail(response, operation, ct).ConfigureAwait(false),
        };
    }

    // ETags are opaque (W/"datetime'…'"): read them unvalidated and echo them verbatim.
    private static string? ETag(HttpResponseMessage response) => Header(response, "ETag");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private Task<StorageRequestException> Fail(HttpResponseMessage response, string operation, CancellationToken ct) =>
        StorageErrors.CreateAsync(response, $"{operation} on table '{Name}'", ct);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[]? body, string? ifMatch, string operation, CancellationToken ct) =>
        _pipeline.SendAsync(
            StorageService.Table,
            () =>
            {
                var request = new HttpRequestMessage(method, url);
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0;");
                request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
                request.Headers.TryAddWithoutValidation("Prefer", "return-no-content");
                if (ifMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new("application/json");
                }

                return request;
            },
            $"{operation} on table '{Name}'",
            ct);
}
