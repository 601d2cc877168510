using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

// Implements the custom-handler contract by hand, so that it tests the host, not our handler library.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? throw new InvalidOperationException("no port");
var slowMs = int.Parse(Environment.GetEnvironmentVariable("SlowMs") ?? "2000", CultureInfo.InvariantCulture);
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapGet("/", () => "ready");
app.MapPost("/{function}", async (string function, HttpRequest request) =>
{
    var invocation = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
    var data = invocation["Data"]!;
    var metadata = invocation["Metadata"]!;
    string Message() => JsonSerializer.Deserialize<string>(data["msg"]!.GetValue<string>())!;
    long Dequeue() => long.Parse(metadata["DequeueCount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    IResult Outputs(JsonObject outputs) => Results.Text(new JsonObject { ["Outputs"] = outputs, ["Logs"] = new JsonArray($"{function} ran"), ["ReturnValue"] = null }.ToJsonString(), "application/json");
    IResult Fail() => Results.Text("{\"Logs\":[\"failing on purpose\"]}", "application/json", statusCode: 500);

    switch (function)
    {
        case "Echo":
            return Outputs(new JsonObject { ["out"] = new JsonArray($"{Message()}|{Dequeue()}") });
        case "Flaky":
            return Dequeue() == 1 ? Fail() : Outputs(new JsonObject { ["out"] = new JsonArray($"{Message()}|{Dequeue()}") });
        case "Fail":
            return Fail();
        case "Slow":
            await Task.Delay(slowMs);
            return Outputs(new JsonObject { ["out"] = new JsonArray($"{Message()}|{Dequeue()}|{Environment.ProcessId}") });
        case "TickStartup" or "TickEvery":
            // ScheduleStatus.Next names the occurrence after this one: one label per tick, whatever the timing.
            var next = data["timer"]?["ScheduleStatus"]?["Next"]?.GetValue<string>() ?? "first";
            return Outputs(new JsonObject { ["out"] = new JsonArray($"{function}|{next}") });
        case "Hello":
            var name = data["req"]!["Params"]!["name"]!.GetValue<string>();
            return Outputs(new JsonObject { ["res"] = new JsonObject { ["statusCode"] = 200, ["headers"] = new JsonObject { ["Content-Type"] = "text/plain" }, ["body"] = $"hello {name}" } });
        case "Open":
            var body = data["req"]!["Body"]?.GetValue<string>() ?? "";
            return Outputs(new JsonObject
            {
                ["res"] = new JsonObject { ["statusCode"] = 202, ["body"] = "accepted" },
                ["out"] = new JsonArray($"http:{body}"),
            });
        default:
            return Results.NotFound();
    }
});
app.Run();
