using System.Text.RegularExpressions;

namespace Alerts.Storage.Tables;

/// <summary>Table naming rules: 3–63 letters and digits, starting with a letter; "tables" is reserved.</summary>
internal static partial class TableName
{
    public static void Validate(string name)
    {
        if (name is null || !Pattern().IsMatch(name) || string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Invalid table name '{name}': use 3–63 letters and digits, starting with a letter (and not 'tables').",
                nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
