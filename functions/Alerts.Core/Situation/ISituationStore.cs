namespace Alerts.Core.Situation;

/// <summary>
/// The situation state of watches, keyed by (watch, type, subject). Writes are conditional, so
/// that two instances processing copies of one item cannot both create an alert: a write based on
/// a stale version reports a conflict and the caller re-reads and retries.
/// </summary>
public interface ISituationStore
{
    /// <summary>The entry and its version, or null.</summary>
    Task<(SituationEntry Entry, string Version)?> GetAsync(string watchId, string key, CancellationToken ct = default);

    /// <summary>Every entry of a watch.</summary>
    Task<IReadOnlyList<(string Key, SituationEntry Entry)>> ListAsync(string watchId, CancellationToken ct = default);

    /// <summary>Writes the entry if the stored version is <paramref name="expectedVersion"/> (null: only if absent); false on conflict.</summary>
    Task<bool> TryWriteAsync(string watchId, string key, SituationEntry entry, string? expectedVersion, CancellationToken ct = default);
}
