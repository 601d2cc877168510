namespace Alerts.Testing;

/// <summary>Per-test queue and table names, so tests sharing one Azurite never see each other's data.</summary>
public static class UniqueName
{
    /// <summary>A valid, unique queue name starting with <paramref name="prefix"/>.</summary>
    public static string Queue(string prefix) => $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 1 + 32)];

    /// <summary>A valid, unique table name starting with <paramref name="prefix"/>.</summary>
    public static string Table(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 32)];
}
