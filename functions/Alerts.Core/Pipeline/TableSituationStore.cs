using Alerts.Core.Situation;
using Alerts.Core.Storage;

namespace Alerts.Core.Pipeline;

/// <summary>The situation state in a table (partition = watch, row = key), versions are ETags.</summary>
public sealed class TableSituationStore(ITable table) : ISituationStore
{
    /// <inheritdoc />
    public async Task<(SituationEntry Entry, string Version)?> GetAsync(string watchId, string key, CancellationToken ct = default)
    {
        var e = await table.GetAsync(watchId, key, ct).ConfigureAwait(false);
        return e is null ? null : (Read(e), e.ETag!);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Key, SituationEntry Entry)>> ListAsync(string watchId, CancellationToken ct = default)
    {
        var list = new List<(string, SituationEntry)>();
        await foreach (var e in table.QueryAsync(TableFilter.PartitionKeyEquals(watchId), ct: ct).ConfigureAwait(false))
        {
            list.Add((e.RowKey, Read(e)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<bool> TryWriteAsync(string watchId, string key, SituationEntry entry, string? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = new TableEntity(watchId, key)
        {
            ["AlertId"] = entry.AlertId,
            ["FirstSeen"] = entry.FirstSeen,
            ["LastSeen"] = entry.LastSeen,
            ["AlertedCount"] = entry.AlertedCount,
            ["Sources"] = string.Join('\n', entry.Sources),
            ["Country"] = entry.Country,
        };
        var result = expectedVersion is null
            ? await table.AddAsync(e, ct).ConfigureAwait(false)
            : await table.UpdateAsync(e, expectedVersion, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return result.Succeeded;
    }

    private static SituationEntry Read(TableEntity e) => new(
        e.GetString("AlertId") ?? "",
        e.GetDateTimeOffset("FirstSeen") ?? default,
        e.GetDateTimeOffset("LastSeen") ?? default,
        e.GetInt64("AlertedCount"),
        (e.GetString("Sources") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
        e.GetString("Country") ?? "");
}
