using System.Globalization;

namespace Alerts.Core.Storage;

/// <summary>
/// Builds OData filter literals for table queries with the right typed syntax, so that callers
/// never concatenate user text into a filter. Keys are encoded with <see cref="TableKey"/>.
/// </summary>
public static class TableFilter
{
    /// <summary><c>PartitionKey eq '…'</c>.</summary>
    public static string PartitionKeyEquals(string partitionKey) => $"PartitionKey eq {Quote(TableKey.Encode(partitionKey))}";

    /// <summary>A comparison of a property with a typed literal, e.g. <c>Count ge 5L</c>.</summary>
    public static string Compare(string property, string op, object value)
    {
        if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
        {
            throw new ArgumentException($"Unknown filter operator '{op}'.", nameof(op));
        }

        var literal = property is "PartitionKey" or "RowKey" && value is string key ? Quote(TableKey.Encode(key)) : Literal(value);
        return $"{property} {op} {literal}";
    }

    /// <summary>Joins conditions with <c>and</c>.</summary>
    public static string And(params string[] conditions) => string.Join(" and ", conditions.Select(c => $"({c})"));

    /// <summary>The OData literal for a value.</summary>
    public static string Literal(object value) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => $"datetime'{dto.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        DateTime dt => Literal(new DateTimeOffset(dt.ToUniversalTime())),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        _ => throw new ArgumentException($"Type {value.GetType().Name} has no table filter literal.", nameof(value)),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
