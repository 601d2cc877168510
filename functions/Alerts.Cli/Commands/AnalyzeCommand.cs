using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Core.Detection;
using Alerts.Core.Text;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts analyze [--format jsonl|table] FILE...</c>: escalation indicators per article.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Article files (.txt as text, .html/.htm as HTML)." };
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object per file) or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var published = new Option<string?>("--published") { Description = "Publication date (ISO 8601) for every file; dates older mentions as historical." };
        var countries = new Option<string?>("--countries") { Description = "Watch countries as ISO codes, comma-separated (e.g. AM,AZ), to disambiguate places." };
        var rules = new Option<string?>("--rules") { Description = "A rules.json to use instead of the embedded one." };
        var command = new Command("analyze", "Find escalation indicators in articles.") { files, format, published, countries, rules };
        command.SetAction(parse =>
        {
            using var stdout = Console.OpenStandardOutput();
            return Run(parse.GetValue(files)!, parse.GetValue(format)!, parse.GetValue(published), parse.GetValue(countries), parse.GetValue(rules), stdout, Console.Error);
        });
        return command;
    }

    internal static int Run(string[] files, string format, string? published, string? countries, string? rulesPath, Stream stdout, TextWriter stderr)
    {
        DateTimeOffset? date = null;
        if (published is not null)
        {
            if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
            {
                stderr.WriteLine($"error: --published '{published}' is not a date (use ISO 8601, e.g. 2020-10-04T10:54:00Z).");
                return 2;
            }

            date = d;
        }

        Detector detector;
        try
        {
            detector = rulesPath is null ? new Detector() : Detector.WithRules(rulesPath);
        }
        catch (Exception ex) when (ex is RuleFileException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }

        var watch = countries?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var failures = 0;
        using var table = new StreamWriter(stdout, leaveOpen: true) { AutoFlush = true };
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures++;
                stderr.WriteLine($"error: {file}: {ex.Message}");
                if (format == "jsonl")
                {
                    WriteError(stdout, file, ex.Message);
                }

                continue;
            }

            if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            {
                text = HtmlText.ToText(text);
            }

            var indicators = detector.Detect(new ArticleInput(text, date, watch));
            if (format == "jsonl")
            {
                WriteJson(stdout, file, indicators);
            }
            else
            {
                IndicatorTable.Write(table, file, indicators);
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static void WriteJson(Stream stdout, string file, IReadOnlyList<Indicator> indicators)
    {
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteStartArray("indicators");
            foreach (var i in indicators)
            {
                IndicatorJson.Write(w, i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
        stdout.Flush();
    }

    private static void WriteError(Stream stdout, string file, string error)
    {
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteString("error", error);
            w.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}
