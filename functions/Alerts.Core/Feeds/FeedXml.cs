using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Alerts.Core.Feeds;

/// <summary>
/// Reads feed XML safely and forgivingly. DTDs are never processed: a DOCTYPE is removed before
/// parsing, and only its simple internal text entities are kept (expanded once, size-limited, so
/// no entity bombs). HTML entities (&amp;nbsp;, &amp;eacute;) become character references, a stray
/// &amp; is escaped, undeclared prefixes are declared, and a document that breaks off (truncated,
/// mismatched tags) yields the tree read so far with a problem noted.
/// </summary>
internal static partial class FeedXml
{
    private const int MaxEntityValue = 1024;
    private const int MaxEntities = 64;

    public static (XElement? Root, string? Problem) Parse(string text, FeedReaderOptions options)
    {
        var problems = new List<string>();
        text = Prepare(text, problems);
        var names = new NameTable();
        var nsmgr = new XmlNamespaceManager(names);
        foreach (var prefix in UsedPrefixes(text))
        {
            nsmgr.AddNamespace(prefix, FeedNamespaces.KnownPrefixes.TryGetValue(prefix, out var uri) ? uri : "urn:alerts:undeclared:" + prefix);
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            ConformanceLevel = ConformanceLevel.Document,
            MaxCharactersInDocument = options.MaxDocumentBytes * 2L,
            NameTable = names,
        };

        XElement? root = null;
        var stack = new Stack<XElement>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings, new XmlParserContext(names, nsmgr, null, XmlSpace.None));
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (stack.Count >= options.MaxDepth)
                        {
                            problems.Add($"nesting deeper than {options.MaxDepth}");
                            return (root, string.Join("; ", problems));
                        }

                        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                {
                                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), Demoronize(reader.Value));
                                }
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        if (stack.Count == 0)
                        {
                            root ??= element;
                        }
                        else
                        {
                            stack.Peek().Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            stack.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (stack.Count > 0)
                        {
                            stack.Pop();
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (stack.Count > 0)
                        {
                            stack.Peek().Add(new XText(Demoronize(reader.Value)));
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            problems.Add($"not well-formed at line {ex.LineNumber}: {ex.Message.Split(". Line")[0]}; kept what was read before");
        }

        return (root, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Removes what must not be parsed (declaration, DOCTYPE) and repairs entities and stray ampersands.</summary>
    internal static string Prepare(string text, List<string> problems)
    {
        var start = text.IndexOf('<', StringComparison.Ordinal);
        if (start > 0 && text[..start].Trim().Length > 0)
        {
            problems.Add("text before the first tag");
        }

        text = start > 0 ? text[start..] : text;
        text = XmlDeclaration().Replace(text, "", 1);
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        var doctype = Doctype().Match(text);
        if (doctype.Success)
        {
            foreach (Match e in EntityDeclaration().Matches(doctype.Value))
            {
                if (entities.Count < MaxEntities && e.Groups["value"].Length <= MaxEntityValue)
                {
                    entities.TryAdd(e.Groups["name"].Value, e.Groups["value"].Value);
                }
            }

            text = text.Remove(doctype.Index, doctype.Length);
        }

        var repaired = false;
        var result = EntityReference().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (!m.Groups["semi"].Success || name.Length == 0)
            {
                repaired = true;
                return "&amp;" + m.Value[1..];
            }

            if (name.StartsWith("#X", StringComparison.Ordinal))
            {
                return "&#x" + name[2..] + ";"; // XML only knows the lower-case form
            }

            if (name[0] == '#' || name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            if (entities.TryGetValue(name, out var value))
            {
                return Escape(WebUtility.HtmlDecode(value)); // declared entity: its text, once, never re-expanded
            }

            var decoded = WebUtility.HtmlDecode(m.Value);
            repaired = true;
            if (decoded != m.Value)
            {
                var sb = new StringBuilder();
                foreach (var rune in decoded.EnumerateRunes())
                {
                    sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
                }

                return sb.ToString();
            }

            return "&amp;" + m.Value[1..];
        });
        if (repaired)
        {
            problems.Add("undeclared entities or stray '&' repaired");
        }

        return result;
    }

    /// <summary>
    /// C1 control characters (U+0080–U+009F) in feed text are Windows-1252 bytes mislabelled as
    /// Latin-1 or written as character references (&amp;#146;): map them to what was meant (’).
    /// </summary>
    internal static string Demoronize(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return s;
        }

        var chars = s.ToCharArray();
        var cp1252 = FeedDecoding.Windows1252;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                var mapped = cp1252.GetString([(byte)chars[i]]);
                chars[i] = mapped.Length == 1 && mapped[0] != '?' ? mapped[0] : chars[i];
            }
        }

        return new string(chars);
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static HashSet<string> UsedPrefixes(string text)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in PrefixUse().Matches(text))
        {
            var p = m.Groups["p"].Value;
            if (p is not ("xml" or "xmlns"))
            {
                prefixes.Add(p);
            }
        }

        return prefixes;
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<!DOCTYPE[^\[>]*(?:\[[\s\S]*?\]\s*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Doctype();

    [GeneratedRegex(@"<!ENTITY\s+(?<name>[A-Za-z_][\w.-]*)\s+(?<q>[""'])(?<value>[^""'<&%]*)\k<q>\s*>")]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex(@"&(?<name>#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31})?(?<semi>;)?")]
    private static partial Regex EntityReference();

    [GeneratedRegex(@"</?(?<p>[A-Za-z_][\w.-]*):[A-Za-z_]|\s(?<p>[A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=")]
    private static partial Regex PrefixUse();
}
