using System.Collections;

namespace Alerts.Core.Storage;

/// <summary>
/// A table entity: keys as the caller wrote them, plus typed properties. Supported property types
/// are string, bool, int, long, double, DateTimeOffset (DateTime is converted), Guid and byte[].
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    /// <summary>The partition key, unencoded.</summary>
    public string PartitionKey { get; }

    /// <summary>The row key, unencoded.</summary>
    public string RowKey { get; }

    /// <summary>The ETag read from the service, for optimistic concurrency.</summary>
    public string? ETag { get; set; }

    /// <summary>The service's last-modified time.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The custom properties.</summary>
    public IReadOnlyDictionary<string, object?> Properties => _properties;

    /// <summary>Gets or sets a property; setting null removes it (tables store no nulls).</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = Normalize(name, value);
        }
    }

    /// <summary>Collection-initializer support.</summary>
    public void Add(string name, object? value) => this[name] = value;

    /// <summary>A string property, or null.</summary>
    public string? GetString(string name) => this[name] as string;

    /// <summary>A bool property, or null.</summary>
    public bool? GetBoolean(string name) => this[name] as bool?;

    /// <summary>An int property, or null.</summary>
    public int? GetInt32(string name) => this[name] switch { int i => i, long l when l is >= int.MinValue and <= int.MaxValue => (int)l, _ => null };

    /// <summary>A long property (an int widens), or null.</summary>
    public long? GetInt64(string name) => this[name] switch { long l => l, int i => i, _ => null };

    /// <summary>A double property (integers widen), or null.</summary>
    public double? GetDouble(string name) => this[name] switch { double d => d, int i => i, long l => l, _ => null };

    /// <summary>A DateTimeOffset property, or null.</summary>
    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] as DateTimeOffset?;

    /// <summary>A Guid property, or null.</summary>
    public Guid? GetGuid(string name) => this[name] as Guid?;

    /// <summary>A binary property, or null.</summary>
    public byte[]? GetBinary(string name) => this[name] as byte[];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object Normalize(string name, object value) => value switch
    {
        string or bool or int or long or double or Guid or byte[] or DateTimeOffset => value,
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        float f => (double)f,
        short s => (int)s,
        byte b => (int)b,
        Enum e => e.ToString(),
        _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which tables cannot store; use string, bool, int, long, double, DateTimeOffset, Guid or byte[].", nameof(value)),
    };
}
