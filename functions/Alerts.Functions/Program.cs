using Alerts.Core.Detection;
using Alerts.Core.Feeds;
using Alerts.Functions.Pipeline;
using Alerts.Storage;
using Alerts.Functions;
using Alerts.Functions.Analyze;
using Alerts.Functions.Config;
using Alerts.Core.Pipeline;
using Alerts.Functions.Handler;
using Alerts.Functions.Health;

var (settings, problems) = HandlerSettings.Read(Environment.GetEnvironmentVariable);
if (problems.Count > 0)
{
    await Console.Error.WriteLineAsync("The Alerts handler cannot start:\n  - " + string.Join("\n  - ", problems));
    return 1;
}

var detector = settings.RulesPath is null ? new Detector() : Detector.WithRules(settings.RulesPath);
var analyze = new AnalyzeFunction(detector);
var functions = new FunctionRegistry()
    .Add("Health", FunctionKind.Http, HealthFunction.RunAsync)
    .Add("Analyze", FunctionKind.Http, analyze.RunAsync);

if (settings.Pipeline is { } config && settings.Storage is { } account)
{
    var storage = new StorageClientFactory(account);
    var store = new ConfigStore(storage.GetTable("Config"));
    var fetcher = new FeedFetcher(new FeedFetcherOptions { AllowPrivateAddresses = settings.AllowPrivateAddresses }, TimeProvider.System);
    var pipeline = new PipelineFunctions(config, store, storage, storage, fetcher, detector, new HttpClient());
    await pipeline.InitializeAsync(CancellationToken.None);
    var api = new ConfigFunctions(config, store);
    functions
        .Add("ScheduleFeeds", FunctionKind.Timer, pipeline.ScheduleFeedsAsync)
        .Add("PollFeed", FunctionKind.Queue, pipeline.PollFeedAsync)
        .Add("AnalyzeItem", FunctionKind.Queue, pipeline.AnalyzeItemAsync)
        .Add("FanOut", FunctionKind.Queue, pipeline.FanOutAsync)
        .Add("Deliver", FunctionKind.Queue, pipeline.DeliverAsync)
        .Add("Watches", FunctionKind.Http, api.WatchesAsync)
        .Add("Subscriptions", FunctionKind.Http, api.SubscriptionsAsync);
}
else
{
    const string NoStorage = "AzureWebJobsStorage is not set: the pipeline is off (no feeds, watches or subscriptions)";
    functions.Add("ScheduleFeeds", FunctionKind.Timer, (_, _) => Task.FromResult(new InvocationResult().Log(NoStorage)));
    foreach (var name in new[] { "Watches", "Subscriptions" })
    {
        functions.Add(name, FunctionKind.Http, (_, _) => Task.FromResult(new InvocationResult().Problem("res", 503, "Service unavailable", NoStorage)));
    }
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
var app = builder.Build();
HandlerEndpoints.Map(app, functions);
await app.RunAsync();
return 0;
