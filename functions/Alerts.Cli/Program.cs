using System.CommandLine;
using Alerts.Cli.Commands;

var root = new RootCommand("alerts — conflict-escalation alerts from news feeds (local tools and host).")
{
    AnalyzeCommand.Create(),
    BenchCommand.Create(),
    ParseFeedCommand.Create(),
    ParseDateCommand.Create(),
    RunCommand.Create(),
    ReplayCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
