using System.Globalization;

namespace Alerts.Cli.Host;

/// <summary>The host's console log: one line per event, time-stamped, safe to call from any thread.</summary>
internal sealed class HostLog(TextWriter output, string instance)
{
    private readonly Lock _gate = new();

    public void Info(string message) => Write("info", message);

    public void Warn(string message) => Write("warn", message);

    public void Error(string message) => Write("fail", message);

    private void Write(string level, string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"[{DateTimeOffset.UtcNow:HH:mm:ss.fff}] {instance} {level}: {message}");
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
