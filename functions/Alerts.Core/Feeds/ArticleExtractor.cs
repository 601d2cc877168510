using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Core.Feeds;

/// <summary>
/// The main text of an article page, for feeds that carry only a teaser: the headline, then the
/// paragraphs of the element that holds the most paragraph text (article, main or a content div),
/// with navigation, asides, scripts, forms and footers removed.
/// </summary>
public static class ArticleExtractor
{
    private const string Noise = "script, style, noscript, nav, aside, footer, header nav, form, iframe, svg, figure figcaption ~ *, [role=navigation], [aria-hidden=true], .share, .related, .comments, .newsletter";

    /// <summary>The article's text, paragraphs separated by blank lines; empty when nothing looks like an article.</summary>
    public static string Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(Noise).ToList())
        {
            element.Remove();
        }

        var best = document.QuerySelectorAll("article, main, [itemprop=articleBody], div, section")
            .Select(e => (Element: e, Score: e.Children.Where(c => c.LocalName == "p").Sum(p => p.TextContent.Trim().Length)))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        if (best.Element is null || best.Score < 200)
        {
            return "";
        }

        var sb = new StringBuilder();
        var headline = document.QuerySelector("h1")?.TextContent.Trim();
        if (!string.IsNullOrEmpty(headline))
        {
            sb.Append(headline).Append("\n\n");
        }

        foreach (var p in best.Element.Children.Where(c => c.LocalName is "p" or "h2" or "h3" or "blockquote" or "ul"))
        {
            var text = string.Join(' ', p.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 0)
            {
                sb.Append(text).Append("\n\n");
            }
        }

        return sb.ToString().TrimEnd();
    }
}
