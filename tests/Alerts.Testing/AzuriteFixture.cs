using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Alerts.Storage;
using Alerts.Storage.Connection;

namespace Alerts.Testing;

/// <summary>
/// Starts a real Azurite from the repository's own node_modules on free loopback ports with
/// in-memory persistence, waits until it accepts connections, and stops it on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? _process;
    private string? _workspace;
    private readonly System.Text.StringBuilder _output = new();

    /// <summary>The connection string for this Azurite instance.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The queue port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The table port.</summary>
    public int TablePort { get; private set; }

    /// <summary>A client factory over this Azurite, shared by the tests.</summary>
    public StorageClientFactory Factory { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var root = RepoRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}; run 'npm ci' in {root} (the README's test command does).");
        }

        _workspace = Directory.CreateTempSubdirectory("alerts-azurite-").FullName;
        var blob = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace, // Azurite may still write small files to its working directory
        };
        foreach (var arg in new[]
                 {
                     script, "--inMemoryPersistence", "--silent",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await AcceptsAsync(QueuePort) && await AcceptsAsync(TablePort)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start (exited: {_process.HasExited}). Output:\n{_output}");
            }

            await Task.Delay(100);
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={StorageConnectionString.DevelopmentAccountName};AccountKey={StorageConnectionString.DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
        Factory = StorageClientFactory.FromConnectionString(ConnectionString);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Factory?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (_workspace is not null)
        {
            try
            {
                Directory.Delete(_workspace, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is empty with in-memory persistence.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
