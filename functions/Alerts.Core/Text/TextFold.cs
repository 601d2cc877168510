using System.Globalization;
using System.Text;

namespace Alerts.Core.Text;

/// <summary>
/// Folds names for matching: accents and case removed, the Azerbaijani/Turkish letters ə and ı
/// mapped to e and i, typographic apostrophes and hyphens made plain, whitespace collapsed.
/// "Tərtər", "TERTER" and "Terter" fold to the same key.
/// </summary>
public static class TextFold
{
    /// <summary>The folded form of <paramref name="s"/>; the same instance when it is already folded (the common case when loading data).</summary>
    public static string Fold(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7F || c is (>= 'A' and <= 'Z') or '-' or '`' or '\t' or '\n' or '\r')
            {
                return Fold(s.AsSpan());
            }
        }

        return s.Contains("  ", StringComparison.Ordinal) || (s.Length > 0 && (s[0] == ' ' || s[^1] == ' ')) ? Fold(s.AsSpan()) : s;
    }

    /// <summary>The folded form of <paramref name="s"/>.</summary>
    public static string Fold(ReadOnlySpan<char> s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        var sb = new StringBuilder(s.Length);
        if (ascii)
        {
            AppendFolded(sb, s);
            return sb.ToString();
        }

        var decomposed = s.ToString().Normalize(NormalizationForm.FormD);
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var mapped = c switch
            {
                'ə' or 'Ə' or 'ǝ' or 'Ǝ' => 'e',
                'ı' => 'i',
                '’' or '‘' or 'ʻ' or 'ʼ' or '`' => '\'',
                '‐' or '‑' or '–' or '—' => '-',
                'ł' or 'Ł' => 'l',
                'ø' or 'Ø' => 'o',
                'ß' => 's',
                _ => c,
            };
            sb.Append(mapped);
        }

        var once = sb.ToString();
        sb.Clear();
        AppendFolded(sb, once);
        return sb.ToString();
    }

    private static void AppendFolded(StringBuilder sb, ReadOnlySpan<char> s)
    {
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c == '`' ? '\'' : char.ToLowerInvariant(c));
        }
    }
}
