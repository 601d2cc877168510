using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Feeds;

/// <summary>
/// Bytes to text: byte-order mark first, then the HTTP charset, then the XML declaration, then
/// UTF-8. Text that is not valid in the chosen encoding is read as Windows-1252 (what servers that
/// say ISO-8859-1 or nothing usually mean) and the document is flagged.
/// </summary>
internal static partial class FeedDecoding
{
    static FeedDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>Windows-1252, available once the code-pages provider is registered.</summary>
    public static Encoding Windows1252 { get; }

    public static (string Text, string? Problem) Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Strict(bytes[3..], new UTF8Encoding(false, true), "UTF-8");
        }

        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }) || bytes.StartsWith(new byte[] { 0, 0, 0xFE, 0xFF }))
        {
            var le = bytes[0] == 0xFF;
            return Strict(bytes[4..], new UTF32Encoding(!le, false, true), "UTF-32");
        }

        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Strict(bytes[2..], new UnicodeEncoding(bytes[0] == 0xFE, false, true), "UTF-16");
        }

        if (bytes.Length >= 4 && bytes[0] == '<' && bytes[1] == 0)
        {
            return Strict(bytes, new UnicodeEncoding(false, false, true), "UTF-16LE");
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == '<')
        {
            return Strict(bytes, new UnicodeEncoding(true, false, true), "UTF-16BE");
        }

        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var declared = Declaration().Match(head) is { Success: true } m ? m.Groups[1].Value : null;
        var name = httpCharset ?? declared ?? "utf-8";
        var encoding = Lookup(name);
        if (encoding is null)
        {
            var (t, _) = Strict(bytes, new UTF8Encoding(false, true), "UTF-8");
            return (t, $"unknown encoding '{name}'; read as UTF-8");
        }

        var (text, problem) = Strict(bytes, encoding, name);
        if (problem is null && httpCharset is not null && declared is not null && Lookup(declared)?.CodePage != encoding.CodePage)
        {
            problem = $"HTTP charset {httpCharset} disagrees with the declared {declared}; used {httpCharset}";
        }

        return (text, problem);
    }

    private static Encoding? Lookup(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        if (n is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso_8859-1" or "windows-1252" or "cp1252")
        {
            n = "windows-1252"; // a superset of both; smart quotes in 0x80–0x9F are what such feeds mean
        }

        try
        {
            var e = Encoding.GetEncoding(n);
            return e.CodePage == 65001 ? new UTF8Encoding(false, true) : Encoding.GetEncoding(e.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (string, string?) Strict(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        try
        {
            return (encoding.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(bytes), $"bytes not valid {name}; read as Windows-1252");
        }
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']")]
    private static partial Regex Declaration();
}
