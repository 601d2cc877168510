namespace Alerts.Cli.Host;

/// <summary>The app folder or settings cannot be run; lists every problem.</summary>
internal sealed class HostConfigurationException(IReadOnlyList<string> problems)
    : Exception("Cannot run the app:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
