using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Situation;

namespace Alerts.Core.Tests.Pipeline;

public sealed class PipelineConfigTests
{
    private static readonly string Secret = WebhookSecret.Generate();

    [Fact]
    public void Parse_File_ReadsWatchesFeedsAndSubscriptions()
    {
        var config = PipelineConfig.Parse($$"""
            { "watches": [ { "name": "Sahel", "countries": ["ML", "BF"], "places": ["Tillaberi"], "feeds": [ { "id": "w", "url": "https://wire.example/rss", "interval": "00:02:00", "fullText": true } ] } ],
              "subscriptions": [ { "id": "desk", "kind": "webhook", "url": "https://hooks.example/a", "secret": "{{Secret}}", "types": ["curfew"], "minSeverity": "severe" } ] }
            """, "test.json");

        var watch = Assert.Single(config.Watches);
        Assert.Equal("sahel", watch.Watch.Id);
        Assert.Equal(["ML", "BF"], watch.Watch.Countries);
        Assert.Equal(["Tillaberi"], watch.Watch.Places);
        Assert.Equal(new FeedConfig("w", "https://wire.example/rss", TimeSpan.FromMinutes(2), true), Assert.Single(watch.Feeds));
        var s = Assert.Single(config.Subscriptions);
        Assert.Equal(("desk", Severity.Severe), (s.Id, s.MinSeverity));
        Assert.Equal(["curfew"], s.Types);
    }

    [Fact]
    public void Parse_FileWithManyMistakes_ListsEveryOne()
    {
        var ex = Assert.Throws<FormatException>(() => PipelineConfig.Parse("""
            { "watches": [ { "name": "A", "countries": ["Mali"], "feeds": [ { "url": "ftp://x" }, { "url": "https://x.example/", "interval": "00:00:01" } ] }, { "name": "a" } ],
              "subscriptions": [ { "id": "s", "kind": "pager", "url": "nope", "minSeverity": "7" }, { "id": "s", "kind": "slack", "url": "https://hooks.example/", "types": ["riot"] }, { "id": "h", "url": "https://h.example/" } ] }
            """, "bad.json"));

        Assert.StartsWith("bad.json:", ex.Message, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "country 'Mali' is not an ISO 3166", "feeds[0]: \"url\"", "feeds[1]: \"interval\"", "watch id 'a' is used twice",
            "\"kind\" must be webhook or slack", "subscription 's': \"url\"", "\"minSeverity\"", "subscription 'h': \"secret\"", "type 'riot' is not an indicator type", "subscription id 's' is used twice",
        })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"name\": ", "not valid JSON")]
    [InlineData("{\"countries\": [\"AM\"]}", "\"name\" is required")]
    [InlineData("{\"name\": \"X\", \"countries\": [\"A1\"]}", "'A1' is not an ISO 3166")]
    [InlineData("{\"name\": \"X\", \"places\": [\"\", 3]}", "\"places\" must be a list")]
    [InlineData("{\"name\": \"X\", \"feeds\": [{\"id\": \"f\", \"url\": \"https://a.example/\"}, {\"id\": \"f\", \"url\": \"https://b.example/\"}]}", "feed id 'f' is used twice")]
    public void ParseWatch_Invalid_SaysWhy(string json, string problem)
    {
        var (watch, problems) = PipelineConfig.ParseWatch(json);

        Assert.Null(watch);
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseSubscription_WithoutId_IsRefused()
    {
        var (subscription, problems) = PipelineConfig.ParseSubscription("""{ "kind": "slack", "url": "https://hooks.example/x" }""");

        Assert.Null(subscription);
        Assert.Contains("subscription: \"id\" is required", problems);
    }

    [Fact]
    public void With_ApiEntries_AreAddedButNeverReplaceTheFiles()
    {
        var file = PipelineConfig.Parse("""{ "watches": [ { "name": "Levant", "countries": ["LB"] } ] }""", "f");
        var (levant, _) = PipelineConfig.ParseWatch("""{ "name": "Levant", "countries": ["SY"] }""");
        var (horn, _) = PipelineConfig.ParseWatch("""{ "name": "Horn", "countries": ["ET"] }""");

        var merged = file.With([levant!, horn!], []);

        Assert.Equal(["levant", "horn"], merged.Watches.Select(w => w.Watch.Id));
        Assert.Equal(["LB"], merged.Watch("levant")!.Watch.Countries);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T0/B0/secret-token", "https://hooks.slack.com/…")]
    [InlineData("https://example.org/hook?token=abc", "https://example.org/…")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/")]
    [InlineData("not a url", "(invalid url)")]
    public void Redact_KeepsSchemeAndHostOnly(string url, string expected)
    {
        Assert.Equal(expected, DeliverySender.Redact(url));
    }
}
