using System.Globalization;
using Alerts.Core.Detection;

namespace Alerts.Functions;

/// <summary>The handler's configuration, read from the environment the host gives it and validated as a whole.</summary>
internal sealed record HandlerSettings(int Port, string? RulesPath, Alerts.Core.Pipeline.PipelineConfig? Pipeline, Alerts.Storage.Connection.StorageAccount? Storage, bool AllowPrivateAddresses)
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

        // The pipeline runs when storage is configured: its watches and subscriptions come from the
        // configuration file (Alerts__ConfigPath, optional) plus those added through /api/watches
        // and /api/subscriptions. A configuration file without storage is a mistake worth stopping for.
        Alerts.Core.Pipeline.PipelineConfig? pipeline = null;
        Alerts.Storage.Connection.StorageAccount? storage = null;
        var configPath = get("Alerts__ConfigPath");
        var storageSet = new[] { "", "__accountName", "__queueServiceUri", "__tableServiceUri" }.Any(suffix => !string.IsNullOrWhiteSpace(get("AzureWebJobsStorage" + suffix)));
        if (!string.IsNullOrWhiteSpace(configPath))
        {
            try
            {
                pipeline = Alerts.Core.Pipeline.PipelineConfig.Parse(File.ReadAllText(configPath), configPath);
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                problems.Add($"Alerts__ConfigPath: {ex.Message}");
            }
        }

        if (storageSet || !string.IsNullOrWhiteSpace(configPath))
        {
            try
            {
                storage = Alerts.Storage.Connection.StorageAccountResolver.Resolve("AzureWebJobsStorage", get);
                pipeline ??= Alerts.Core.Pipeline.PipelineConfig.Empty;
            }
            catch (FormatException ex)
            {
                problems.Add(ex.Message);
            }
        }

        var allowPrivate = string.Equals(get("Alerts__AllowPrivateAddresses"), "true", StringComparison.OrdinalIgnoreCase);
        return (new HandlerSettings(port, string.IsNullOrWhiteSpace(rules) ? null : rules, pipeline, storage, allowPrivate), problems);
    }
}
