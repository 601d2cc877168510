using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Core.Storage;

namespace Alerts.Storage.Tables;

/// <summary>
/// Entity JSON in the Table service's OData format: Int64, DateTime, Guid, Binary and Double carry
/// <c>@odata.type</c> annotations so that the service, the Azure SDKs and the Functions host read
/// the same types back (an integral double would otherwise become an Int32).
/// </summary>
internal static class EntityJson
{
    public static byte[] Write(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("PartitionKey", TableKey.Encode(entity.PartitionKey));
            w.WriteString("RowKey", TableKey.Encode(entity.RowKey));
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(w, name, value!);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity Read(JsonElement json, string? etagHeader = null)
    {
        var entity = new TableEntity(
            TableKey.Decode(json.GetProperty("PartitionKey").GetString() ?? ""),
            TableKey.Decode(json.GetProperty("RowKey").GetString() ?? ""));
        entity.ETag = etagHeader ?? (json.TryGetProperty("odata.etag", out var etag) ? etag.GetString() : null);
        foreach (var p in json.EnumerateObject())
        {
            if (p.Name is "PartitionKey" or "RowKey" || p.Name.Contains('@', StringComparison.Ordinal) || p.Name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            var type = json.TryGetProperty(p.Name + "@odata.type", out var t) ? t.GetString() : null;
            var value = ReadValue(p.Value, type);
            if (p.Name == "Timestamp")
            {
                entity.Timestamp = value as DateTimeOffset? ?? (value is string s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null);
                continue;
            }

            entity[p.Name] = value;
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case string s:
                w.WriteString(name, s);
                break;
            case bool b:
                w.WriteBoolean(name, b);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case long l:
                w.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                w.WriteString(name + "@odata.type", "Edm.Int64");
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    w.WriteNumber(name, d);
                }
                else
                {
                    w.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                w.WriteString(name + "@odata.type", "Edm.Double");
                break;
            case DateTimeOffset dto:
                w.WriteString(name, dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                w.WriteString(name + "@odata.type", "Edm.DateTime");
                break;
            case Guid g:
                w.WriteString(name, g.ToString("D"));
                w.WriteString(name + "@odata.type", "Edm.Guid");
                break;
            case byte[] bytes:
                w.WriteString(name, Convert.ToBase64String(bytes));
                w.WriteString(name + "@odata.type", "Edm.Binary");
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.");
        }
    }

    private static object? ReadValue(JsonElement v, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(), CultureInfo.InvariantCulture),
        "Edm.Int32" => v.ValueKind == JsonValueKind.String ? int.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetInt32(),
        "Edm.Double" => v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDouble(),
        "Edm.DateTime" => DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        "Edm.Guid" => Guid.Parse(v.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(v.GetString()!),
        "Edm.Boolean" => v.GetBoolean(),
        "Edm.String" => v.GetString(),
        _ => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetInt32(out var i) && !v.GetRawText().Contains('.', StringComparison.Ordinal) => i,
            JsonValueKind.Number => v.GetDouble(),
            _ => null,
        },
    };

    public static string KeyPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    // OData string literal: double the quote, then percent-encode for the URL path.
    private static string EscapeKey(string key) =>
        Uri.EscapeDataString(TableKey.Encode(key).Replace("'", "''", StringComparison.Ordinal));

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
