namespace Alerts.Functions.Handler;

/// <summary>An invocation the handler cannot make sense of (a host contract problem, not a bug in a function).</summary>
internal sealed class InvocationException(string message) : Exception(message);
