namespace Alerts.Functions.Handler;

/// <summary>The functions the handler serves, by the name of their folder (and so of the host's POST path).</summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, (FunctionKind Kind, Func<Invocation, CancellationToken, Task<InvocationResult>> Run)> _functions = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => _functions.Keys;

    public FunctionRegistry Add(string name, FunctionKind kind, Func<Invocation, CancellationToken, Task<InvocationResult>> run)
    {
        _functions.Add(name, (kind, run));
        return this;
    }

    public bool TryGet(string name, out FunctionKind kind, out Func<Invocation, CancellationToken, Task<InvocationResult>> run)
    {
        var found = _functions.TryGetValue(name, out var f);
        (kind, run) = found ? f : (default, null!);
        return found;
    }
}
