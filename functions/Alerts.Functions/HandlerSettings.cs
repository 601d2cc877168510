using System.Globalization;
using Alerts.Core.Detection;

namespace Alerts.Functions;

/// <summary>The handler's configuration, read from the environment the host gives it and validated as a whole.</summary>
internal sealed record HandlerSettings(int Port, string? RulesPath)
{
    /// <summary>Reads and validates the settings; the list of problems is empty when the handler may start.</summary>
    public static (HandlerSettings Settings, List<string> Problems) Read(Func<string, string?> get)
    {
        var problems = new List<string>();
        var portText = get("FUNCTIONS_CUSTOMHANDLER_PORT") ?? get("FUNCTIONS_HTTPWORKER_PORT");
        var port = 0;
        if (portText is null)
        {
            problems.Add("FUNCTIONS_CUSTOMHANDLER_PORT is not set (the Functions host or `alerts run` sets it)");
        }
        else if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            problems.Add($"FUNCTIONS_CUSTOMHANDLER_PORT '{portText}' is not a port number");
        }

        var rules = get("Detection__RulesPath");
        if (!string.IsNullOrWhiteSpace(rules))
        {
            try
            {
                Detector.WithRules(rules);
            }
            catch (Exception ex) when (ex is RuleFileException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"Detection__RulesPath: {ex.Message}");
            }
        }

        return (new HandlerSettings(port, string.IsNullOrWhiteSpace(rules) ? null : rules), problems);
    }
}
