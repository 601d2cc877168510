using System.Diagnostics;
using System.Text.Json;

namespace Alerts.Functions.Handler;

/// <summary>
/// The two endpoints the host uses: <c>GET /</c> (readiness: any answer means ready) and
/// <c>POST /{FunctionName}</c>. A queue or timer function that throws answers 500, so that the host
/// retries the message and, in the end, poison-queues it; an HTTP function that throws answers the
/// host 200 with a 500 for the caller.
/// </summary>
internal static partial class HandlerEndpoints
{
    public static void Map(WebApplication app, FunctionRegistry functions)
    {
        app.MapGet("/", () => Results.Text("ready"));
        app.MapPost("/{function}", async (string function, HttpRequest request, ILogger<FunctionRegistry> log, CancellationToken ct) =>
        {
            if (!functions.TryGet(function, out var kind, out var run))
            {
                return Results.NotFound(new { error = $"no function '{function}'" });
            }

            var invocationId = request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? Guid.NewGuid().ToString();
            Invocation invocation;
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                var root = doc.RootElement;
                invocation = new Invocation(
                    root.TryGetProperty("Data", out var d) ? d.Clone() : default,
                    root.TryGetProperty("Metadata", out var m) ? m.Clone() : default,
                    invocationId);
            }
            catch (JsonException ex)
            {
                LogBadInvocation(log, function, invocationId, ex.Message);
                return Results.BadRequest(new { error = "the invocation is not JSON: " + ex.Message });
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var result = await run(invocation, ct);
                LogCompleted(log, function, invocationId, watch.ElapsedMilliseconds);
                return Results.Text(result.ToJson(), "application/json");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, function, invocationId, watch.ElapsedMilliseconds, ex);
                var reply = new InvocationResult().Log($"{function} failed: {ex.GetType().Name}: {ex.Message}");
                return kind == FunctionKind.Http
                    ? Results.Text(reply.Http("res", 500, JsonSerializer.Serialize(new { title = "Internal error", status = 500, traceId = invocationId }), "application/problem+json").ToJson(), "application/json")
                    : Results.Text(reply.ToJson(), "application/json", statusCode: 500);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Function} {InvocationId} completed in {Milliseconds} ms")]
    private static partial void LogCompleted(ILogger logger, string function, string invocationId, long milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Function} {InvocationId} failed after {Milliseconds} ms")]
    private static partial void LogFailed(ILogger logger, string function, string invocationId, long milliseconds, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Function} {InvocationId}: unreadable invocation: {Reason}")]
    private static partial void LogBadInvocation(ILogger logger, string function, string invocationId, string reason);
}
