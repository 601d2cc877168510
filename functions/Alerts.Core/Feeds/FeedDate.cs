using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Feeds;

/// <summary>
/// Dates as feeds write them, to UTC: RFC 822 and its real-world violations (named, military and
/// "Etc/GMT" zones, missing seconds or day names, two-digit years, full month names, a comma after
/// the month), asctime and its Twitter variant, W3CDTF / ISO 8601 including partial dates, Perforce
/// dates, and "YYYY-MM-DD hh:mm:ss". Anything else is null — never an exception.
/// </summary>
public static partial class FeedDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["june"] = 6, ["july"] = 7, ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
    };

    // Zone names in feeds (RFC 822 section 5, North American short forms, and what feedparser accepts).
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ut"] = 0, ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["etc/gmt"] = 0, ["etc/utc"] = 0,
        ["adt"] = -3, ["ast"] = -4, ["at"] = -4, ["edt"] = -4, ["est"] = -5, ["et"] = -5, ["cdt"] = -5, ["cst"] = -6, ["ct"] = -6,
        ["mdt"] = -6, ["mst"] = -7, ["mt"] = -7, ["pdt"] = -7, ["pst"] = -8, ["pt"] = -8, ["akst"] = -9, ["akdt"] = -8, ["hst"] = -10,
        ["a"] = -1, ["n"] = 1, ["m"] = -12, ["y"] = 12,
        ["met"] = 1, ["mest"] = 2, ["cet"] = 1, ["cest"] = 2, ["bst"] = 1, ["ist"] = 5, ["eet"] = 2, ["eest"] = 3, ["wet"] = 0, ["west"] = 1, ["msk"] = 3, ["jst"] = 9,
    };

    /// <summary>The UTC instant <paramref name="text"/> denotes, or null.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var s = text.Trim();
        return Iso(s) ?? Rfc822(s) ?? Asctime(s) ?? Perforce(s);
    }

    /// <summary>ISO 8601 UTC text (<c>2004-01-01T19:48:21Z</c>), or null.</summary>
    public static string? Format(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Iso(string s)
    {
        var m = IsoPattern().Match(s);
        if (!m.Success)
        {
            m = IsoBasicPattern().Match(s);
        }

        if (!m.Success)
        {
            return null;
        }

        return Build(
            Int(m, "y"), m.Groups["mo"].Success ? Int(m, "mo") : 1, m.Groups["d"].Success ? Int(m, "d") : 1,
            Int(m, "h"), Int(m, "mi"), Int(m, "s"), m.Groups["tz"].Success ? Offset(m.Groups["tz"].Value) : TimeSpan.Zero);
    }

    private static DateTimeOffset? Rfc822(string s)
    {
        var m = Rfc822Pattern().Match(s);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value, out var month))
        {
            return null;
        }

        var year = Int(m, "y");
        if (m.Groups["y"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        return Build(year, month, Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), m.Groups["tz"].Success ? Offset(m.Groups["tz"].Value) : TimeSpan.Zero);
    }

    // "Sun Jan  4 16:29:06 2004", "Sun Jul 15 01:16:00 +0000 2012", "Thu Aug 30 2012 17:26:16 +0200".
    private static DateTimeOffset? Asctime(string s)
    {
        var m = AsctimePattern().Match(s);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value, out var month))
        {
            return null;
        }

        return Build(Int(m, "y"), month, Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), m.Groups["tz"].Success ? Offset(m.Groups["tz"].Value) : TimeSpan.Zero);
    }

    // "Fri, 2006/09/15 08:19:53 EDT".
    private static DateTimeOffset? Perforce(string s)
    {
        var m = PerforcePattern().Match(s);
        return m.Success
            ? Build(Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), Offset(m.Groups["tz"].Value))
            : null;
    }

    /// <summary>A zone as an offset: a name, "GMT-01:01", "+0200", "-00:20"; null offset (rejected) when unknown.</summary>
    private static TimeSpan? Offset(string zone)
    {
        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var m = OffsetPattern().Match(zone);
        if (!m.Success)
        {
            return null;
        }

        var h = Int(m, "h");
        var mi = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        if (h > 14 || mi > 59)
        {
            return null;
        }

        var span = new TimeSpan(h, mi, 0);
        return m.Groups["sign"].Value == "-" ? -span : span;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan? offset)
    {
        if (offset is null || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        try
        {
            var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
            return new DateTimeOffset(local - offset.Value, TimeSpan.Zero);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // e.g. 0001-01-01 minus a positive offset
        }
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<mo>\d{2})(?:-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})(?:T(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2}))?(?<tz>Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoBasicPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9}\.?\s*,?\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s*,?\s+(?<y>\d{4}|\d{2})(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?)?(?:\s*(?<tz>[A-Za-z][A-Za-z/]*(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s+(?<mon>[A-Za-z]{3,9})\s+(?<d>\d{1,2})(?:\s+(?<y>\d{4}))?\s+(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})(?:\s+(?<tz>[+-]\d{4}|[A-Za-z]{1,5}))?(?(y)|\s+(?<y>\d{4}))$", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimePattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<y>\d{4})/(?<mo>\d{2})/(?<d>\d{2})\s+(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})\s+(?<tz>[A-Za-z]{1,5}|[+-]\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex PerforcePattern();

    [GeneratedRegex(@"^(?:(?:GMT|UTC|UT|Z)?)(?<sign>[+-])(?<h>\d{1,2})(?::?(?<mi>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
