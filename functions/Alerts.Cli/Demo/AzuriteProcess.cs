using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alerts.Cli.Demo;

/// <summary>Azurite from the repository's node_modules, in memory, on free loopback ports; killed on dispose.</summary>
internal sealed class AzuriteProcess : IDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                           $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(string repoRoot, CancellationToken ct)
    {
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script}); run 'npm ci' in {repoRoot} (./run.sh does).");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { script, "--inMemoryPersistence", "--silent", "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}" })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var azurite = new AzuriteProcess(process, queue, table);
        for (var i = 0; i < 300 && !(await AcceptsAsync(queue) && await AcceptsAsync(table)); i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited: {await process.StandardError.ReadToEndAsync(ct)}");
            }

            await Task.Delay(100, ct);
        }

        return azurite;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
