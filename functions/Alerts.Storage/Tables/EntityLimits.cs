using System.Text.RegularExpressions;
using Alerts.Core.Storage;

namespace Alerts.Storage.Tables;

/// <summary>
/// The Table service's entity limits (learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model),
/// checked before sending so that a caller learns which property is at fault and nothing is truncated.
/// </summary>
internal static partial class EntityLimits
{
    public const int MaxProperties = 252;
    public const int MaxKeyBytes = 1024;
    public const int MaxValueBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;

    public static void Validate(TableEntity entity)
    {
        var problems = new List<string>();
        CheckKey("PartitionKey", entity.PartitionKey, problems);
        CheckKey("RowKey", entity.RowKey, problems);
        if (entity.Properties.Count > MaxProperties)
        {
            problems.Add($"{entity.Properties.Count} properties exceed the limit of {MaxProperties}");
        }

        long size = 4 + (TableKey.Encode(entity.PartitionKey).Length * 2) + (TableKey.Encode(entity.RowKey).Length * 2);
        foreach (var (name, value) in entity.Properties)
        {
            if (name.Length > 255 || !PropertyName().IsMatch(name) || name is "PartitionKey" or "RowKey" or "Timestamp" || name.Contains("odata", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"property name '{name}' is not allowed (letters, digits and '_', starting with a letter or '_', at most 255 characters, not a system name)");
            }

            var bytes = ValueBytes(value);
            if (bytes > MaxValueBytes)
            {
                problems.Add($"property '{name}' is {bytes:N0} bytes; a string or binary value is limited to {MaxValueBytes:N0} bytes");
            }

            size += 8 + (name.Length * 2) + bytes;
        }

        if (size > MaxEntityBytes)
        {
            problems.Add($"the entity is about {size:N0} bytes; the limit is {MaxEntityBytes:N0}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Entity ({entity.PartitionKey}, {entity.RowKey}) cannot be stored: {string.Join("; ", problems)}.", nameof(entity));
        }
    }

    private static void CheckKey(string name, string key, List<string> problems)
    {
        var bytes = TableKey.Encode(key).Length * 2;
        if (bytes > MaxKeyBytes)
        {
            problems.Add($"{name} is {bytes:N0} bytes once encoded; the limit is {MaxKeyBytes:N0} (512 characters)");
        }
    }

    private static long ValueBytes(object? value) => value switch
    {
        string s => 4 + (s.Length * 2),
        byte[] b => 4 + b.Length,
        Guid => 16,
        _ => 8,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyName();
}
