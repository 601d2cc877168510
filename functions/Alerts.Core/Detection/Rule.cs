using System.Text.RegularExpressions;

namespace Alerts.Core.Detection;

/// <summary>A compiled rule of the rule file.</summary>
internal sealed record Rule(
    string Id,
    string Type,
    Regex Pattern,
    IReadOnlyList<string> Subject,
    string? Count,
    Regex? NotBefore,
    Regex? RequireNear,
    string Cameo,
    bool Focus,
    IReadOnlyList<string> Keywords);
