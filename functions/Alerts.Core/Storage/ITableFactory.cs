namespace Alerts.Core.Storage;

/// <summary>Hands out table clients; clients are cheap, thread-safe and may be cached by callers.</summary>
public interface ITableFactory
{
    /// <summary>The table named <paramref name="name"/> (3–63 letters and digits, starting with a letter).</summary>
    ITable GetTable(string name);
}
