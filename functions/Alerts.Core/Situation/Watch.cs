namespace Alerts.Core.Situation;

/// <summary>A conflict to follow: a name, its countries (ISO codes) and optional extra places.</summary>
public sealed record Watch(string Name, IReadOnlyList<string> Countries, IReadOnlyList<string>? Places = null)
{
    /// <summary>A stable id for keys and alert ids.</summary>
    public string Id => string.Concat(Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
