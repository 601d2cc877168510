using System.Text.RegularExpressions;

namespace Alerts.Storage.Queues;

/// <summary>Queue naming rules: 3–63 characters, lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
internal static partial class QueueName
{
    public static void Validate(string name)
    {
        if (name is null || !Pattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Invalid queue name '{name}': use 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
