namespace Alerts.Functions.Handler;

/// <summary>An HTTP request as the host forwards it in <c>Data.req</c>.</summary>
internal sealed record HttpTriggerRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Query, string? Body)
{
    /// <summary>Route parameters ("watches/{id?}" gives "id"), empty when the route has none.</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();
}
