using System.CommandLine;
using System.Text.Json;
using Alerts.Core.Feeds;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts parse-date [--format jsonl|table] STRING...</c>: each string as UTC, or null.</summary>
internal static class ParseDateCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("dates") { Arity = ArgumentArity.OneOrMore, Description = "Date strings as feeds write them." };
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var command = new Command("parse-date", "Parse feed dates to UTC.") { inputs, format };
        command.SetAction(parse =>
        {
            using var stdout = Console.OpenStandardOutput();
            foreach (var input in parse.GetValue(inputs)!)
            {
                var utc = FeedDate.Format(FeedDate.Parse(input));
                if (parse.GetValue(format) == "jsonl")
                {
                    using (var w = new Utf8JsonWriter(stdout))
                    {
                        w.WriteStartObject();
                        w.WriteString("input", input);
                        w.WriteString("utc", utc);
                        w.WriteEndObject();
                    }

                    stdout.WriteByte((byte)'\n');
                }
                else
                {
                    var line = System.Text.Encoding.UTF8.GetBytes($"{utc ?? "(unparseable)",-22} {input}\n");
                    stdout.Write(line);
                }
            }

            return 0;
        });
        return command;
    }
}
