using System.Globalization;
using System.Text;

namespace Alerts.Core.Storage;

/// <summary>
/// The one reversible encoding of table keys. Azure Tables forbid <c>/ \ # ?</c> and the control
/// characters U+0000–U+001F and U+007F–U+009F in PartitionKey and RowKey. Each of those, and
/// <c>%</c> itself so that decoding is unambiguous, is written as <c>%XX</c> (two upper-case hex
/// digits of the UTF-16 code unit, all of which are below U+0100). Every other character is kept,
/// so keys stay readable and sort in nearly the same order.
/// </summary>
public static class TableKey
{
    /// <summary>Encodes a caller's key for the service.</summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!NeedsEncoding(key))
        {
            return key;
        }

        var sb = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (IsEscaped(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Decodes a key read from the service. Text without valid escapes is returned as is.</summary>
    public static string Decode(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.Contains('%', StringComparison.Ordinal))
        {
            return stored;
        }

        var sb = new StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '%' && i + 2 < stored.Length
                && int.TryParse(stored.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else
            {
                sb.Append(stored[i]);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEncoding(string key)
    {
        foreach (var c in key)
        {
            if (IsEscaped(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(char c) =>
        c is '%' or '/' or '\\' or '#' or '?' || c <= '\u001F' || (c >= '\u007F' && c <= '\u009F');
}
