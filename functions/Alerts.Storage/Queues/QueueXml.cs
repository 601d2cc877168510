using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Alerts.Core.Storage;

namespace Alerts.Storage.Queues;

/// <summary>Reads the Queue service's XML responses (DTDs prohibited) and writes message bodies.</summary>
internal static class QueueXml
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static byte[] MessageBody(string base64Text) =>
        System.Text.Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{base64Text}</MessageText></QueueMessage>");

    public static IReadOnlyList<XElement> Messages(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Safe);
        var doc = XDocument.Load(reader);
        return doc.Root?.Elements("QueueMessage").ToList() ?? [];
    }

    public static QueueMessage ToMessage(XElement e) => new(
        Text(e, "MessageId"),
        Text(e, "PopReceipt"),
        DecodeText(Text(e, "MessageText")),
        long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
        Date(e, "InsertionTime"),
        Date(e, "ExpirationTime"),
        Date(e, "TimeNextVisible"));

    public static PeekedQueueMessage ToPeeked(XElement e) => new(
        Text(e, "MessageId"),
        DecodeText(Text(e, "MessageText")),
        long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
        Date(e, "InsertionTime"),
        Date(e, "ExpirationTime"));

    public static QueueReceipt ToReceipt(XElement e) => new(Text(e, "MessageId"), Text(e, "PopReceipt"), Date(e, "TimeNextVisible"));

    /// <summary>
    /// Message text is Base64 of UTF-8 (what the Functions trigger expects). A message some other
    /// producer wrote as plain text is returned as it is rather than lost.
    /// </summary>
    public static string DecodeText(string wire)
    {
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var written)
            ? System.Text.Encoding.UTF8.GetString(buffer, 0, written)
            : wire;
    }

    private static string Text(XElement e, string name) => e.Element(name)?.Value ?? "";

    private static DateTimeOffset Date(XElement e, string name) =>
        DateTimeOffset.TryParse(Text(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : default;
}
