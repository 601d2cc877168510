using System.Text;
using System.Text.Json;
using Alerts.Cli.Commands;

namespace Alerts.Core.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Run_Jsonl_PrintsTheContractPerFile()
    {
        var dir = Directory.CreateTempSubdirectory("alerts-analyze-");
        var txt = Path.Combine(dir.FullName, "a.txt");
        var html = Path.Combine(dir.FullName, "b.html");
        File.WriteAllText(txt, "Georgia declared martial law on Friday, Georgia's government said.");
        File.WriteAllText(html, "<html><body><h1>Kenya</h1><p>Kenya imposed a curfew in Mombasa, Kenya's police said.</p></body></html>");
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = AnalyzeCommand.Run([txt, html], "jsonl", null, null, null, stdout, stderr);

        Assert.Equal(0, code);
        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(txt, first.RootElement.GetProperty("file").GetString());
        var indicator = first.RootElement.GetProperty("indicators")[0];
        foreach (var field in new[] { "type", "subject", "aliases", "count", "evidence", "negated", "context", "claimedBy" })
        {
            Assert.True(indicator.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("martial_law", indicator.GetProperty("type").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Mombasa", second.RootElement.GetProperty("indicators")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public void Run_MissingFile_ReportsErrorLineAndFails()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = AnalyzeCommand.Run(["/nonexistent/x.txt"], "jsonl", null, null, null, stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("\"error\"", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
        Assert.Contains("x.txt", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadPublishedDate_ExplainsTheFormat()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        var code = AnalyzeCommand.Run(["x.txt"], "jsonl", "yesterday-ish", null, null, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("ISO 8601", stderr.ToString(), StringComparison.Ordinal);
    }
}
