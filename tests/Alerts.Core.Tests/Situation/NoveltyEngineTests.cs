using Alerts.Core.Detection;
using Alerts.Core.Places;
using Alerts.Core.Situation;

namespace Alerts.Core.Tests.Situation;

public sealed class NoveltyEngineTests
{
    private static readonly Watch Watch = new("Caucasus test", ["AM", "AZ"]);
    private static readonly DateTimeOffset T0 = new(2020, 9, 28, 18, 0, 0, TimeSpan.Zero);
    private static readonly Place Terter = new("P:584871", "Terter", PlaceKind.City, "AZ", 40.3, 46.9, 18185, [], []);
    private static readonly Place Armenia = new("C:AM", "Armenia", PlaceKind.Country, "AM", 40, 45, 0, [], []);
    private static readonly Place Turkey = new("C:TR", "Turkey", PlaceKind.Country, "TR", 39, 35, 0, [], []);

    private static Indicator Ind(string type, Place subject, long? count = null, bool negated = false) =>
        new(type, subject, count, false, null, $"{type} {subject.Name}", negated, negated ? "negation" : null, null, type + ".rule", "", 0);

    // The engine's clock: it follows the articles as they arrive, as a live pipeline's would.
    private readonly ManualClock _clock = new(T0);

    private ArticleRef Article(string source, TimeSpan after)
    {
        _clock.AtLeast(T0 + after);
        return new($"{source}-{after.TotalHours}", source, T0 + after);
    }

    private NoveltyEngine Engine(ISituationStore? store = null, NoveltyOptions? options = null) => new(store ?? new InMemorySituationStore(), options, _clock);

    [Fact]
    public async Task Process_FirstReport_IsNewAndSameOutletRepeatIsSilent()
    {
        var engine = Engine();

        var first = await engine.ProcessAsync(Watch, Article("outlet-a", TimeSpan.Zero), [Ind("shelling", Terter)]);
        var repeat = await engine.ProcessAsync(Watch, Article("outlet-a", TimeSpan.FromHours(1)), [Ind("shelling", Terter)]);

        Assert.Equal(AlertKind.New, Assert.Single(first).Kind);
        Assert.Empty(repeat);
    }

    [Fact]
    public async Task Process_OtherOutletsWithinWindow_CorroborateAndRaiseSeverityAtThree()
    {
        var engine = Engine();
        await engine.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]);

        var second = Assert.Single(await engine.ProcessAsync(Watch, Article("b", TimeSpan.FromHours(2)), [Ind("shelling", Terter)]));
        var third = Assert.Single(await engine.ProcessAsync(Watch, Article("c", TimeSpan.FromHours(5)), [Ind("shelling", Terter)]));

        Assert.Equal(AlertKind.Corroborated, second.Kind);
        Assert.Equal(2, second.Sources);
        Assert.Equal(Severity.Moderate, second.Severity);
        Assert.Equal(3, third.Sources);
        Assert.Equal(Severity.Severe, third.Severity);
    }

    [Fact]
    public async Task Process_OtherOutletAfterTheWindow_IsNotCorroboration()
    {
        var engine = Engine();
        await engine.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]);

        Assert.Empty(await engine.ProcessAsync(Watch, Article("b", TimeSpan.FromDays(10)), [Ind("shelling", Terter)]));
    }

    [Theory]
    [InlineData(12, 15, false)]
    [InlineData(12, 21, false)]
    [InlineData(12, 31, true)]
    [InlineData(200, 209, false)]
    [InlineData(200, 300, true)]
    public async Task Process_RisingCount_EscalatesOnlyWellPastTheLastAlertedFigure(long first, long later, bool escalates)
    {
        var engine = Engine();
        await engine.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("casualties", Armenia, first)]);

        var events = await engine.ProcessAsync(Watch, Article("a", TimeSpan.FromHours(6)), [Ind("casualties", Armenia, later)]);

        Assert.Equal(escalates, events.Any(e => e.Kind == AlertKind.Escalated && e.Count == later));
    }

    [Fact]
    public async Task Process_EscalationBaselineMovesWithEachAlert()
    {
        var engine = Engine();
        await engine.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("casualties", Armenia, 20)]);
        await engine.ProcessAsync(Watch, Article("a", TimeSpan.FromHours(1)), [Ind("casualties", Armenia, 40)]);

        Assert.Empty(await engine.ProcessAsync(Watch, Article("a", TimeSpan.FromHours(2)), [Ind("casualties", Armenia, 45)]));
        Assert.Equal(AlertKind.Escalated, Assert.Single(await engine.ProcessAsync(Watch, Article("a", TimeSpan.FromHours(3)), [Ind("casualties", Armenia, 70)])).Kind);
    }

    [Fact]
    public async Task Process_CeasefireAfterFighting_IsAFlip_WithoutFightingIsNew()
    {
        var fighting = Engine();
        await fighting.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]);
        var calm = Engine();

        var flip = Assert.Single(await fighting.ProcessAsync(Watch, Article("a", TimeSpan.FromDays(3)), [Ind("ceasefire", Armenia)]));
        var fresh = Assert.Single(await calm.ProcessAsync(Watch, Article("a", TimeSpan.FromDays(3)), [Ind("ceasefire", Armenia)]));

        Assert.Equal(AlertKind.Flip, flip.Kind);
        Assert.Equal(AlertKind.New, fresh.Kind);
    }

    [Fact]
    public async Task Process_NegatedIndicators_NeverAlert()
    {
        var engine = Engine();

        Assert.Empty(await engine.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("troop_movement", Turkey, negated: true)]));
    }

    [Fact]
    public async Task Process_SameItemConcurrently_CreatesOneNewAlert()
    {
        var store = new InMemorySituationStore();
        var engines = Enumerable.Range(0, 8).Select(_ => Engine(store)).ToList();

        var results = await Task.WhenAll(engines.Select(e => Task.Run(() => e.ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]))));

        Assert.Single(results.SelectMany(r => r), e => e.Kind == AlertKind.New);
    }

    [Fact]
    public async Task Process_Ids_AreDeterministic()
    {
        var a = await Engine().ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]);
        var b = await Engine().ProcessAsync(Watch, Article("a", TimeSpan.Zero), [Ind("shelling", Terter)]);

        Assert.Equal(a[0].Id, b[0].Id);
        Assert.StartsWith("al_", a[0].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_ThirdCountryTroopsAndSpilloverAndBannedWeapons()
    {
        Assert.Equal(Severity.Severe, SeverityRules.Of(Ind("troop_movement", Turkey), Watch, 1));
        Assert.Equal(Severity.Moderate, SeverityRules.Of(Ind("troop_movement", Armenia), Watch, 1));
        Assert.Equal(Severity.Extreme, SeverityRules.Of(Ind("prohibited_weapon", Armenia), Watch, 1));
        var ganja = new Place("P:586523", "Ganja", PlaceKind.City, "AZ", 40.7, 46.4, 335600, [], []);
        Assert.Equal(Severity.Severe, SeverityRules.Of(Ind("shelling", ganja), Watch, 1));
        var tbilisi = new Place("P:611717", "Tbilisi", PlaceKind.City, "GE", 41.7, 44.8, 1049498, [], []);
        Assert.Equal(Severity.Extreme, SeverityRules.Of(Ind("shelling", tbilisi), Watch, 1));
        Assert.Equal(Severity.Minor, SeverityRules.Of(Ind("casualties", Armenia, 4), Watch, 1));
    }

    [Theory]
    [InlineData("Tbilisi")]
    [InlineData("tbilisi")]
    [InlineData("Tiflis")]
    [InlineData("P:611717")]
    public void Severity_ExtraPlaceOfTheWatch_IsNotSpillover(string extra)
    {
        var tbilisi = new Place("P:611717", "Tbilisi", PlaceKind.City, "GE", 41.7, 44.8, 1049498, ["Tiflis"], []);
        var withPlace = new Watch("Caucasus test", ["AM", "AZ"], [extra]);

        Assert.True(withPlace.Covers(tbilisi));
        Assert.False(Watch.Covers(tbilisi));
        Assert.Equal(Severity.Severe, SeverityRules.Of(Ind("shelling", tbilisi), withPlace, 1)); // a big city, but not spillover
    }

    [Fact]
    public async Task Process_ArchiveItemOlderThanMaxAge_IsNotNewsAndLeavesNoState()
    {
        var engine = Engine();
        _clock.Now = T0 + TimeSpan.FromDays(8);
        var old = new ArticleRef("archive", "a", T0);

        var stale = await engine.ProcessAsync(Watch, old, [Ind("shelling", Terter)]);
        var fresh = await engine.ProcessAsync(Watch, Article("b", TimeSpan.FromDays(8)), [Ind("shelling", Terter)]);

        Assert.True(engine.IsStale(old));
        Assert.Empty(stale);
        Assert.Equal(AlertKind.New, Assert.Single(fresh).Kind);
    }

    [Fact]
    public async Task Process_FutureDatedItem_CountsAsNowSoLaterReportsStillCorroborate()
    {
        var engine = Engine();
        _clock.Now = T0;
        var ahead = new ArticleRef("ahead", "a", T0 + TimeSpan.FromDays(5)); // a feed whose clock runs days ahead

        var first = Assert.Single(await engine.ProcessAsync(Watch, ahead, [Ind("shelling", Terter)]));
        var second = Assert.Single(await engine.ProcessAsync(Watch, Article("b", TimeSpan.FromHours(3)), [Ind("shelling", Terter)]));

        Assert.Equal(T0, first.Time);
        Assert.Equal(AlertKind.Corroborated, second.Kind);
    }

    [Fact]
    public void Options_MaxArticleAgeNotPositive_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Engine(options: new NoveltyOptions { MaxArticleAge = TimeSpan.Zero }));

        Assert.Contains("MaxArticleAge must be positive", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public void AtLeast(DateTimeOffset t) => Now = t > Now ? t : Now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
