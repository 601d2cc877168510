using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Core.Text;

/// <summary>
/// HTML to plain text for analysis: scripts, styles, navigation, forms and asides dropped; block
/// elements (paragraphs, headings, list items, captions, table cells) become paragraphs separated
/// by blank lines, so that the sentence splitter sees headlines and captions as units of their own.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "form", "button", "select", "svg", "iframe", "head", "aside", "footer",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "pre", "address", "br", "hr", "title",
    };

    /// <summary>The readable text of an HTML document or fragment.</summary>
    public static string ToText(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var sb = new StringBuilder();
        var title = document.Title;
        if (!string.IsNullOrWhiteSpace(title) && document.QuerySelector("h1") is null)
        {
            sb.Append(title.Trim()).Append("\n\n");
        }

        if (document.Body is { } body)
        {
            Walk(body, sb);
        }

        return Tidy(sb.ToString());
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '));
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    sb.Append("\n\n");
                    Walk(element, sb);
                    sb.Append("\n\n");
                    break;
                case IElement element:
                    Walk(element, sb);
                    break;
            }
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var sb = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(blank > 0 ? "\n\n" : "\n");
            }

            sb.Append(line);
            blank = 0;
        }

        return sb.ToString();
    }
}
