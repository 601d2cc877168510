using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Core.Detection;

namespace Alerts.Core.Tests.Detection;

/// <summary>
/// Articles the team wrote for regression, in several conflicts and styles, each with a gold file
/// (indicators to find, optional ones, mentions that must not fire). Scored like ../shared/eval/score.
/// </summary>
public sealed class FixtureArticlesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Articles");

    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.txt").Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Articles))]
    public void Detect_FixtureArticle_FindsEveryGoldIndicatorAndNothingForbidden(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".gold.json")));
        var found = new Detector().Detect(new ArticleInput(text)).Where(i => !i.Negated).ToList();

        var required = Keys(gold.RootElement, "indicators");
        var optional = Keys(gold.RootElement, "optional");
        var forbidden = Keys(gold.RootElement, "must_not_fire");
        var fired = found.Select(i => (i.Type, Names: i.Subject.Aliases.Prepend(i.Subject.Name).Select(Fold).ToHashSet())).ToList();

        var missing = required.Where(r => !fired.Any(f => f.Type == r.Type && f.Names.Contains(r.Subject))).ToList();
        var extra = fired.Where(f => !required.Concat(optional).Any(r => r.Type == f.Type && f.Names.Contains(r.Subject))).ToList();
        var forbiddenHits = fired.Where(f => forbidden.Any(r => r.Type == f.Type && f.Names.Contains(r.Subject))).ToList();

        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "extra: " + string.Join(", ", extra.Select(e => $"{e.Type} {e.Names.First()}")));
        Assert.Empty(forbiddenHits);
    }

    private static List<(string Type, string Subject)> Keys(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list)
            ? list.EnumerateArray().Select(e => (e.GetProperty("type").GetString()!, Fold(e.GetProperty("subject").GetString()!))).ToList()
            : [];

    private static string Fold(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c == '-' ? ' ' : c));
            }
        }

        return sb.ToString();
    }
}
