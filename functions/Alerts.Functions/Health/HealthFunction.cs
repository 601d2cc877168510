using System.Text.Json;
using Alerts.Functions.Handler;

namespace Alerts.Functions.Health;

/// <summary><c>GET /api/health</c>: the handler is up and its detector loaded.</summary>
internal static class HealthFunction
{
    public static Task<InvocationResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { status = "ok", version = typeof(HealthFunction).Assembly.GetName().Version?.ToString() });
        return Task.FromResult(new InvocationResult().Http("res", 200, body));
    }
}
