using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Items a feed has produced (partition = watch/feed, row = item key), inserted when first queued
/// and marked done when analysed. An item queued but not done for a while is queued again, so a
/// poll that failed after recording its items loses nothing; analysis is idempotent.
/// </summary>
public sealed class SeenItemStore(ITable table, TimeProvider time)
{
    /// <summary>How long a queued item may wait for analysis before it is queued again.</summary>
    public static readonly TimeSpan Requeue = TimeSpan.FromMinutes(10);

    /// <summary>True when the item should be queued now (new, or queued long ago and never done).</summary>
    public async Task<bool> ShouldQueueAsync(string watch, string feed, string itemKey, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var added = await table.AddAsync(new TableEntity($"{watch}/{feed}", itemKey) { ["Status"] = "queued", ["Queued"] = now }, ct).ConfigureAwait(false);
        if (added.Succeeded)
        {
            return true;
        }

        var existing = await table.GetAsync($"{watch}/{feed}", itemKey, ct).ConfigureAwait(false);
        if (existing is null || existing.GetString("Status") == "done" || now - (existing.GetDateTimeOffset("Queued") ?? now) < Requeue)
        {
            return false;
        }

        existing["Queued"] = now;
        return (await table.UpdateAsync(existing, existing.ETag!, TableUpdateMode.Merge, ct).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>Marks the item analysed.</summary>
    public Task MarkDoneAsync(string watch, string feed, string itemKey, CancellationToken ct = default) =>
        table.UpsertAsync(new TableEntity($"{watch}/{feed}", itemKey) { ["Status"] = "done", ["Done"] = time.GetUtcNow() }, TableUpdateMode.Merge, ct);
}
