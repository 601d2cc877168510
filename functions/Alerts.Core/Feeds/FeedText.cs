using System.Text;
using System.Xml.Linq;
using Alerts.Core.Text;

namespace Alerts.Core.Feeds;

/// <summary>Text constructs: the value of an element as HTML or text, per its type or mode, and plain-text forms.</summary>
public static class FeedText
{
    /// <summary>The plain text of HTML (tags dropped, entities decoded, whitespace collapsed).</summary>
    public static string ToPlain(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        return html.Contains('<', StringComparison.Ordinal) || html.Contains('&', StringComparison.Ordinal)
            ? string.Join(' ', HtmlText.ToText(html).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            : string.Join(' ', html.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// An Atom text construct or RSS element: type="xhtml" (or inline child elements) gives the inner
    /// markup of the wrapper; type="html"/"text" and escaped content give the decoded text; Atom 0.3
    /// mode="base64" is decoded.
    /// </summary>
    internal static string? Value(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        var type = ((string?)e.Attribute("type") ?? "").Trim().ToLowerInvariant();
        var mode = ((string?)e.Attribute("mode") ?? "").Trim().ToLowerInvariant();
        if (mode == "base64")
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(e.Value.Trim())).Trim();
            }
            catch (FormatException)
            {
                return e.Value.Trim();
            }
        }

        if (e.HasElements && (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || type.Length == 0 || type.Contains("html", StringComparison.Ordinal)))
        {
            var elements = e.Elements().ToList();
            var wrapper = elements.Count == 1 && elements[0].Name.LocalName == "div" && !e.Nodes().OfType<XText>().Any(t => t.Value.Trim().Length > 0)
                ? elements[0]
                : e;
            return Inner(wrapper).Trim();
        }

        return e.Value.Trim();
    }

    /// <summary>The inner markup of an element, without namespace declarations.</summary>
    internal static string Inner(XElement e)
    {
        var sb = new StringBuilder();
        foreach (var node in e.Nodes())
        {
            Write(node, sb);
        }

        return sb.ToString();
    }

    private static void Write(XNode node, StringBuilder sb)
    {
        switch (node)
        {
            case XText t:
                sb.Append(t.Value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal));
                break;
            case XElement el:
                sb.Append('<').Append(el.Name.LocalName);
                foreach (var a in el.Attributes())
                {
                    sb.Append(' ').Append(a.Name.LocalName).Append("=\"").Append(a.Value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
                }

                if (!el.Nodes().Any())
                {
                    sb.Append(" />");
                    return;
                }

                sb.Append('>');
                foreach (var child in el.Nodes())
                {
                    Write(child, sb);
                }

                sb.Append("</").Append(el.Name.LocalName).Append('>');
                break;
        }
    }
}
