using Alerts.Core.Storage;

namespace Alerts.Core.Feeds;

/// <summary>
/// Per-feed polling state in a table (partition "feed", row = the feed's id), so validators,
/// redirects and back-off survive restarts and are shared by every instance. Writes are guarded by
/// ETag: a poll that lost a race to another instance is told so.
/// </summary>
public sealed class FeedStateStore(ITable table)
{
    private const string Partition = "feed";

    /// <summary>The stored state and its ETag, or null.</summary>
    public async Task<(FeedState State, string ETag)?> GetAsync(string feedId, CancellationToken ct = default)
    {
        var e = await table.GetAsync(Partition, feedId, ct).ConfigureAwait(false);
        if (e is null)
        {
            return null;
        }

        var state = new FeedState(
            e.GetString("Url") ?? feedId,
            e.GetString("ETagValue"),
            e.GetString("LastModified"),
            e.GetDateTimeOffset("NotBefore"),
            e.GetInt32("ConsecutiveFailures") ?? 0,
            e.GetDateTimeOffset("LastPolled"),
            e.GetString("LastError"));
        return (state, e.ETag!);
    }

    /// <summary>Saves the state: inserts when <paramref name="ifMatch"/> is null, else only over that version.</summary>
    public async Task<TableWriteResult> SaveAsync(string feedId, FeedState state, string? ifMatch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new TableEntity(Partition, feedId)
        {
            ["Url"] = state.Url,
            ["ETagValue"] = state.ETag,
            ["LastModified"] = state.LastModified,
            ["NotBefore"] = state.NotBefore,
            ["ConsecutiveFailures"] = state.ConsecutiveFailures,
            ["LastPolled"] = state.LastPolled,
            ["LastError"] = state.LastError is { Length: > 1000 } error ? error[..1000] : state.LastError,
        };
        return ifMatch is null
            ? await table.AddAsync(entity, ct).ConfigureAwait(false)
            : await table.UpdateAsync(entity, ifMatch, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }
}
