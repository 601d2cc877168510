using System.Text.Json;
using System.Xml;

namespace Alerts.Storage.Http;

/// <summary>The one place that turns a failed storage response into a <see cref="StorageRequestException"/>.</summary>
internal static class StorageErrors
{
    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The service error code of a response, from the header or the body.</summary>
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? code = response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
        string? message = null;
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var text = body.TrimStart();
        try
        {
            if (text.StartsWith('<'))
            {
                using var reader = XmlReader.Create(new StringReader(text), SafeXml);
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Name == "Code")
                    {
                        code ??= reader.ReadElementContentAsString();
                    }

                    if (reader.NodeType == XmlNodeType.Element && reader.Name == "Message")
                    {
                        message = reader.ReadElementContentAsString();
                    }
                }
            }
            else if (text.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("odata.error", out var error))
                {
                    code ??= error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or JsonException)
        {
            message = text.Length > 200 ? text[..200] : text;
        }

        return (code, message);
    }

    /// <summary>Builds the exception for a response the caller did not expect.</summary>
    public static async Task<StorageRequestException> CreateAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var (code, message) = await ReadAsync(response, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var firstLine = message?.Split('\n')[0].Trim();
        return new StorageRequestException(
            status,
            code,
            $"{operation} failed: {status} {response.ReasonPhrase}{(code is null ? "" : $" ({code})")}{(string.IsNullOrEmpty(firstLine) ? "" : $": {firstLine}")}");
    }
}
