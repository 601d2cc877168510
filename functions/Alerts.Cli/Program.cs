using System.CommandLine;

var root = new RootCommand("alerts — conflict-escalation alerts from news feeds (local tools and host).");
return await root.Parse(args).InvokeAsync();
