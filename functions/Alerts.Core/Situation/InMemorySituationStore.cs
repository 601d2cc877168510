using System.Collections.Concurrent;

namespace Alerts.Core.Situation;

/// <summary>The situation store in memory (replays and tests), with the same conditional-write contract as the table store.</summary>
public sealed class InMemorySituationStore : ISituationStore
{
    private readonly ConcurrentDictionary<(string Watch, string Key), (SituationEntry Entry, int Version)> _entries = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<(SituationEntry Entry, string Version)?> GetAsync(string watchId, string key, CancellationToken ct = default) =>
        Task.FromResult(_entries.TryGetValue((watchId, key), out var e) ? ((SituationEntry, string)?)(e.Entry, e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<(string Key, SituationEntry Entry)>> ListAsync(string watchId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<(string, SituationEntry)>>(_entries.Where(e => e.Key.Watch == watchId).Select(e => (e.Key.Key, e.Value.Entry)).ToList());

    /// <inheritdoc />
    public Task<bool> TryWriteAsync(string watchId, string key, SituationEntry entry, string? expectedVersion, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var exists = _entries.TryGetValue((watchId, key), out var current);
            if (expectedVersion is null ? exists : !exists || current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _entries[(watchId, key)] = (entry, exists ? current.Version + 1 : 1);
            return Task.FromResult(true);
        }
    }
}
