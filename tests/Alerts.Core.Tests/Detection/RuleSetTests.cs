using Alerts.Core.Detection;

namespace Alerts.Core.Tests.Detection;

public sealed class RuleSetTests
{
    [Fact]
    public void Default_LoadsEveryRuleOfEveryType()
    {
        var rules = RuleSet.Default;

        Assert.Equal(1, rules.Version);
        Assert.All(IndicatorType.All, t => Assert.Contains(rules.Rules, r => r.Type == t));
    }

    [Fact]
    public void Parse_BadRules_ListsEachWithIdAndReason()
    {
        const string json = """
        { "version": 1, "macros": { "X": "x" },
          "rules": [
            { "id": "a", "type": "shelling", "pattern": "(unclosed", "subject": ["object"] },
            { "id": "b", "type": "teleport", "pattern": "x", "subject": ["object"] },
            { "id": "c", "type": "curfew", "pattern": "{NOPE}", "subject": ["guess"] },
            { "id": "a", "type": "curfew", "pattern": "x", "subject": [] }
          ] }
        """;

        var ex = Assert.Throws<RuleFileException>(() => RuleSet.Parse(json, "test.json"));

        Assert.Contains("rule a: 'pattern' is not a valid regular expression", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rule b: unknown type 'teleport'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rule c: unknown macro {NOPE}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rule c: unknown subject strategy 'guess'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rule a: duplicate id", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.json has", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongVersion_IsRejected()
    {
        var ex = Assert.Throws<RuleFileException>(() => RuleSet.Parse("""{ "version": 2, "rules": [] }""", "r.json"));

        Assert.Contains("version must be 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EditorAddsPhrasing_DetectorUsesIt()
    {
        const string json = """
        { "version": 1, "indicators": { "curfew": { "cameo": "1723", "focus": false } },
          "rules": [ { "id": "curfew.lockdown", "type": "curfew", "pattern": "\\bstay-at-home\\s+order\\b", "subject": ["location"] } ] }
        """;
        var detector = new Detector(Alerts.Core.Places.Gazetteer.Default, RuleSet.Parse(json, "custom"));

        var found = detector.Detect(new ArticleInput("Officials issued a stay-at-home order in Mombasa."));

        Assert.Equal("Mombasa", Assert.Single(found).Subject.Name);
    }

    [Theory]
    [InlineData("Troops ROLLED into town.", "a")]
    [InlineData("they rolled in", "a")]
    [InlineData("Prices went UP sharply.", "b")]
    [InlineData("Écoles closed.", "c")]
    [InlineData("stop. écoles closed", "c")]
    [InlineData("Patrolled streets and stopped buses.", "")]
    public void Candidates_KeywordsStartingWordsInAnyCase_MarkTheirRules(string sentence, string expected)
    {
        const string json = """
        { "version": 1, "rules": [
            { "id": "a", "type": "shelling", "keywords": ["rolled"], "pattern": "x", "subject": ["object"] },
            { "id": "b", "type": "shelling", "keywords": ["up "], "pattern": "x", "subject": ["object"] },
            { "id": "c", "type": "shelling", "keywords": ["écoles"], "pattern": "x", "subject": ["object"] }
          ] }
        """;
        var rules = RuleSet.Parse(json, "k.json");
        var run = new bool[rules.Rules.Count];

        rules.Candidates(sentence, run);

        Assert.Equal(expected, string.Concat(rules.Rules.Where((r, i) => run[i]).Select(r => r.Id)));
    }
}
