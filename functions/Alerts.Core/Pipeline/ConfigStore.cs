using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Watches and subscriptions added through the HTTP API, kept in a table next to those of the
/// configuration file: one row per entry, holding the JSON it was created from (validated again on
/// every read, so that a row edited by hand cannot break the pipeline; a bad row is skipped and reported).
/// </summary>
public sealed class ConfigStore(ITable table)
{
    private const string WatchPartition = "watch";
    private const string SubscriptionPartition = "subscription";

    public Task<bool> CreateIfNotExistsAsync(CancellationToken ct) => table.CreateIfNotExistsAsync(ct);

    /// <summary>The file's configuration plus the API's entries, and a problem line per stored row that no longer validates.</summary>
    public async Task<(PipelineConfig Config, List<string> Problems)> EffectiveAsync(PipelineConfig file, CancellationToken ct)
    {
        var watches = new List<WatchConfig>();
        var subscriptions = new List<SubscriptionConfig>();
        var problems = new List<string>();
        await foreach (var row in table.QueryAsync(ct: ct))
        {
            var json = row.GetString("Json") ?? "";
            if (row.PartitionKey == WatchPartition)
            {
                var (watch, bad) = PipelineConfig.ParseWatch(json);
                Collect(watch, bad, watches, problems, $"stored watch '{row.RowKey}'");
            }
            else if (row.PartitionKey == SubscriptionPartition)
            {
                var (subscription, bad) = PipelineConfig.ParseSubscription(json);
                Collect(subscription, bad, subscriptions, problems, $"stored subscription '{row.RowKey}'");
            }
        }

        return (file.With(watches, subscriptions), problems);
    }

    /// <summary>Stores a watch; with <paramref name="createOnly"/>, refuses (false) when its id exists.</summary>
    public Task<bool> PutWatchAsync(WatchConfig watch, string json, bool createOnly, CancellationToken ct) =>
        PutAsync(WatchPartition, watch.Watch.Id, json, createOnly, ct);

    public Task<bool> PutSubscriptionAsync(SubscriptionConfig subscription, string json, bool createOnly, CancellationToken ct) =>
        PutAsync(SubscriptionPartition, subscription.Id, json, createOnly, ct);

    public Task<bool> DeleteWatchAsync(string id, CancellationToken ct) => DeleteAsync(WatchPartition, id, ct);

    public Task<bool> DeleteSubscriptionAsync(string id, CancellationToken ct) => DeleteAsync(SubscriptionPartition, id, ct);

    private static void Collect<T>(T? value, List<string> bad, List<T> into, List<string> problems, string label)
        where T : class
    {
        if (value is not null)
        {
            into.Add(value);
        }
        else
        {
            problems.Add($"{label} is skipped: {string.Join("; ", bad)}");
        }
    }

    private async Task<bool> PutAsync(string partition, string id, string json, bool createOnly, CancellationToken ct)
    {
        var row = new TableEntity(partition, id) { ["Json"] = json, ["Updated"] = DateTimeOffset.UtcNow };
        if (createOnly)
        {
            return (await table.AddAsync(row, ct)).Succeeded;
        }

        await table.UpsertAsync(row, TableUpdateMode.Replace, ct);
        return true;
    }

    private async Task<bool> DeleteAsync(string partition, string id, CancellationToken ct) =>
        (await table.DeleteAsync(partition, id, "*", ct)).Succeeded;
}
