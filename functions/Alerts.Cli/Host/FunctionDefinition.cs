namespace Alerts.Cli.Host;

/// <summary>A function of the app folder: its trigger and output bindings.</summary>
internal sealed record FunctionDefinition(string Name, FunctionBinding Trigger, IReadOnlyList<FunctionBinding> Outputs)
{
    public IEnumerable<FunctionBinding> QueueOutputs => Outputs.Where(o => o.Type.Equals("queue", StringComparison.OrdinalIgnoreCase));

    public FunctionBinding? HttpOutput => Outputs.FirstOrDefault(o => o.Type.Equals("http", StringComparison.OrdinalIgnoreCase));
}
