using System.Net;

namespace Alerts.Storage.Tests.Http;

/// <summary>A hand-written fake transport: answers each request with the next scripted response and records what it saw.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, Uri Uri, string? Body, string? Authorization)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
        var step = script[Math.Min(_next++, script.Length - 1)];
        return step(request);
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string? errorCode = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("") };
        if (errorCode is not null)
        {
            response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
        }

        return response;
    }
}
