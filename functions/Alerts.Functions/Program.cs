using Alerts.Core.Detection;
using Alerts.Functions;
using Alerts.Functions.Analyze;
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

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
var app = builder.Build();
HandlerEndpoints.Map(app, functions);
await app.RunAsync();
return 0;
