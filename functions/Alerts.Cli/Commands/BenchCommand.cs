using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Alerts.Core.Detection;
using Alerts.Core.Places;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts bench</c>: gazetteer cold load (time, memory) and detector throughput on one core over
/// a generated corpus of news-like articles (deterministic, seeded; one sentence in five carries
/// an indicator, the rest is description, quotes and background). Targets from issue 4:
/// ≥ 20 MB/s of text per core; gazetteer ready in ≤ 500 ms and ≤ 200 MB.
/// </summary>
internal static class BenchCommand
{
    // News-like filler: most sentences of a war report describe, quote and explain rather than report an indicator.
    private static readonly string[] Filler =
    [
        "Residents of {P} said they had spent the night in basements, listening to the sound of distant guns.",
        "The foreign ministry in {A} summoned the ambassador of {B} on Tuesday to protest what it called provocations.",
        "Prices for bread, fuel and medicine have doubled in the past month, according to traders in the central market.",
        "\"We have nowhere else to go,\" said a 54-year-old teacher who asked not to be named, standing outside a school used as a shelter.",
        "The European Union and the United Nations have both expressed deep concern about the humanitarian situation.",
        "Satellite images reviewed by independent analysts show new trenches and earthworks along a 40-kilometre stretch of the front.",
        "{A}'s economy has contracted sharply this year, and the currency lost a fifth of its value against the dollar.",
        "Talks mediated by regional powers stalled last month over the sequencing of prisoner exchanges and border demarcation.",
        "The region has a population of about 150,000 people, most of whom depend on farming and remittances from abroad.",
        "Journalists have been unable to independently verify claims made by either side because access to the area is restricted.",
        "Schools and markets in {P} stayed closed as families queued for bread and fuel in the cold.",
        "The president of {B} is expected to travel to Brussels next week for meetings with European leaders.",
        "Analysts say the conflict has deep roots in disputes over land, language and the rights of minorities.",
        "Hospitals in {Q} reported shortages of blood, anaesthetics and generator fuel, a doctor there told reporters.",
    ];

    private static readonly string[] Templates =
    [
        "{A} forces shelled the town of {P} overnight, {A}'s defence ministry said.",
        "At least {N} {D} soldiers were killed near {P}, officials said on Monday.",
        "{A} declared martial law after clashes along the border with {B}.",
        "Residents of {P} said explosions were heard before dawn and power was cut across the district.",
        "{B} sent {N} troops to support {A}, according to diplomats in the region.",
        "The ministry said it had captured the villages of {P}, {Q} and {R}.",
        "Analysts warned that the conflict could spread if talks fail, and aid groups called for a ceasefire.",
        "Schools and markets in {P} stayed closed as families queued for bread and fuel in the cold.",
        "In 1994 the two sides agreed a ceasefire that held, with violations, for decades.",
        "{A}'s president said in a televised address that the army would defend every village.",
        "The air force said it shot down {N} drones over {P} and lost no aircraft.",
        "Humanitarian agencies said thousands of people had fled toward {Q} since the weekend.",
    ];

    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles in the generated corpus.", DefaultValueFactory = _ => 2000 };
        var passes = new Option<int>("--passes") { Description = "Steady-state passes to measure, after the JIT has settled (at least 1).", DefaultValueFactory = _ => 5 };
        var profile = new Option<bool>("--profile") { Description = "Also time each rule and stage separately." };
        var command = new Command("bench", "Measure gazetteer load and detection throughput.") { articles, passes, profile };
        articles.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--articles must be at least 1.");
            }
        });
        passes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--passes must be at least 1.");
            }
        });
        command.SetAction(parse => Run(parse.GetValue(articles), Console.Out, parse.GetValue(profile), parse.GetValue(passes)));
        return command;
    }

    internal static int Run(int articleCount, TextWriter o, bool profile = false, int passCount = 5)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var sw = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Default;
        var loadMs = sw.Elapsed.TotalMilliseconds;
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var after = process.WorkingSet64;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gazetteer: {gazetteer.Count:N0} entries loaded in {loadMs:N0} ms; managed heap {managed / 1048576.0:N1} MB; working set +{(after - before) / 1048576.0:N1} MB (total {after / 1048576.0:N1} MB)"));

        sw.Restart();
        using (var again = typeof(Gazetteer).Assembly.GetManifestResourceStream("Alerts.Core.Detection.Data.gazetteer.tsv.gz")!)
        {
            Gazetteer.Load(again);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gazetteer: second load in the same process (code already compiled) {sw.Elapsed.TotalMilliseconds:N0} ms"));
        sw.Restart();
        var detector = new Detector();
        detector.Detect(new ArticleInput("Warm-up: Armenia declared martial law."));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules: compiled and first article in {sw.Elapsed.TotalMilliseconds:N0} ms"));

        var corpus = Generate(articleCount, new Random(20201027));
        var bytes = corpus.Sum(a => (long)Encoding.UTF8.GetByteCount(a));

        // The first pass is a cold instance: tiered JIT is still compiling and re-optimising. Further
        // warm-up passes run until the JIT has settled (two passes in a row that compile almost nothing new, at
        // most MaxWarmUpPasses); the passes after that are steady state. Both are reported.
        const int MaxWarmUpPasses = 30;
        var first = Pass(detector, corpus, process);
        var warmUp = 1;
        var warmUpSeconds = first.Seconds;
        for (var quiet = 0; quiet < 2 && warmUp < MaxWarmUpPasses; warmUp++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            warmUpSeconds += Pass(detector, corpus, process).Seconds;
            Thread.Sleep(250); // let the background tier-1 compiler finish what the pass queued
            quiet = JitInfo.GetCompiledMethodCount() - compiled <= 2 ? quiet + 1 : 0; // settled: two quiet passes in a row
        }

        var passes = new List<PassResult>();
        for (var pass = 0; pass < passCount; pass++)
        {
            passes.Add(Pass(detector, corpus, process));
        }

        var steady = passes.OrderBy(p => p.Seconds).ElementAt(passes.Count / 2); // the median pass
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detect: {corpus.Count:N0} articles, {bytes / 1048576.0:N1} MB, {first.Indicators:N0} indicators per pass, one thread"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first pass (cold, JIT compiling): {first.Seconds:N2} s, {bytes / 1048576.0 / first.Seconds:N1} MB/s, {corpus.Count / first.Seconds:N0} articles/s"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  JIT settled after {warmUp} warm-up passes ({warmUpSeconds:N1} s)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  steady state (median of {passes.Count}): {steady.Seconds:N2} s ({steady.CpuSeconds:N2} s CPU incl. GC threads), {bytes / 1048576.0 / steady.Seconds:N1} MB/s, {corpus.Count / steady.Seconds:N0} articles/s"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  steady passes: {string.Join(", ", passes.Select(p => (bytes / 1048576.0 / p.Seconds).ToString("N1", CultureInfo.InvariantCulture)))} MB/s"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  allocated {steady.Allocated / (double)corpus.Count / 1024:N1} KB per article ({steady.Allocated / (double)bytes:N1} bytes per byte of text), {steady.Gen0:N0} gen-0 collections"));
        if (profile)
        {
            Profile(detector, corpus, o);
        }

        process.Refresh();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: working set {process.WorkingSet64 / 1048576.0:N1} MB, peak {process.PeakWorkingSet64 / 1048576.0:N1} MB"));
        return 0;
    }

    private sealed record PassResult(double Seconds, double CpuSeconds, long Allocated, int Gen0, int Indicators);

    private static PassResult Pass(Detector detector, List<string> corpus, Process process)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        var sw = Stopwatch.StartNew();
        var indicators = 0;
        foreach (var article in corpus)
        {
            indicators += detector.Detect(new ArticleInput(article)).Count;
        }

        var seconds = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return new PassResult(seconds, (process.TotalProcessorTime - cpu).TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, GC.CollectionCount(0) - gen0, indicators);
    }

    private static void Profile(Detector detector, List<string> corpus, TextWriter o)
    {
        var sw = Stopwatch.StartNew();
        var sentences = corpus.SelectMany(a => Alerts.Core.Text.SentenceSplitter.Split(a)).Select(x => x.Text).ToList();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  split: {sw.Elapsed.TotalMilliseconds:N0} ms"));
        sw.Restart();
        var run = new bool[RuleSet.Default.Rules.Count];
        foreach (var s in sentences)
        {
            RuleSet.Default.Candidates(s, run);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  keyword candidates: {sw.Elapsed.TotalMilliseconds:N0} ms"));
        var matches = new List<(string Sentence, int Index, int End)>();
        foreach (var s in sentences)
        {
            RuleSet.Default.Candidates(s, run);
            for (var r = 0; r < run.Length; r++)
            {
                if (run[r])
                {
                    foreach (System.Text.RegularExpressions.Match m in RuleSet.Default.Rules[r].Pattern.Matches(s))
                    {
                        matches.Add((s, m.Index, m.Index + m.Length));
                    }
                }
            }
        }

        sw.Restart();
        foreach (var (s, i, e) in matches)
        {
            Detector.ContextOf(s, i, e, null);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  context: {sw.Elapsed.TotalMilliseconds:N0} ms over {matches.Count:N0} matches"));
        sw.Restart();
        foreach (var (s, i, _) in matches)
        {
            Detector.Claimant(s, i);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  claimant: {sw.Elapsed.TotalMilliseconds:N0} ms"));
        sw.Restart();
        foreach (var a in corpus)
        {
            var ss = Alerts.Core.Text.SentenceSplitter.Split(a);
            var ms = ss.Select(x => detector.Mentions(x.Text)).ToList();
            Detector.People(ss, ms);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  split+mentions+people: {sw.Elapsed.TotalMilliseconds:N0} ms"));
        sw.Restart();
        foreach (var s in sentences)
        {
            detector.Mentions(s);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  mentions: {sw.Elapsed.TotalMilliseconds:N0} ms over {sentences.Count:N0} sentences"));
        var rules = RuleSet.Default;
        var candidates = sentences.Select(s =>
        {
            var run = new bool[rules.Rules.Count];
            rules.Candidates(s, run);
            return run;
        }).ToList();
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            sw.Restart();
            int n = 0, runs = 0;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (candidates[i][r])
                {
                    runs++;
                    n += rule.Pattern.IsMatch(sentences[i]) ? rule.Pattern.Matches(sentences[i]).Count : 0;
                }
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule.Id,-36} {sw.Elapsed.TotalMilliseconds,8:N0} ms {runs,7:N0} sentences {n,7:N0} matches"));
        }
    }

    private static List<string> Generate(int count, Random random)
    {
        string[] actors = ["Armenia", "Azerbaijan", "Russia", "Ukraine", "Sudan", "Ethiopia", "Israel", "Syria", "Turkey", "Mali"];
        string[] demonyms = ["Armenian", "Azerbaijani", "Russian", "Ukrainian", "Sudanese", "Ethiopian", "Israeli", "Syrian", "Turkish", "Malian"];
        string[] places = ["Terter", "Ganja", "Kharkiv", "Omdurman", "Mekelle", "Rafah", "Idlib", "Gao", "Horadiz", "Kherson", "Talish", "Nyala", "Ariha", "Kidal"];
        var corpus = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var a = random.Next(actors.Length);
            var b = (a + 1 + random.Next(actors.Length - 1)) % actors.Length;
            sb.Append(actors[a]).Append(" and ").Append(actors[b]).Append(" clash again\n\n");
            var sentences = 25 + random.Next(20);
            for (var s = 0; s < sentences; s++)
            {
                // About one sentence in five reports or negates an indicator.
                var pool = random.Next(5) == 0 ? Templates : Filler;
                sb.Append(pool[random.Next(pool.Length)]
                    .Replace("{A}", actors[a], StringComparison.Ordinal)
                    .Replace("{B}", actors[b], StringComparison.Ordinal)
                    .Replace("{D}", demonyms[a], StringComparison.Ordinal)
                    .Replace("{P}", places[random.Next(places.Length)], StringComparison.Ordinal)
                    .Replace("{Q}", places[random.Next(places.Length)], StringComparison.Ordinal)
                    .Replace("{R}", places[random.Next(places.Length)], StringComparison.Ordinal)
                    .Replace("{N}", (1 + random.Next(5000)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                sb.Append(s % 4 == 3 ? "\n\n" : " ");
            }

            corpus.Add(sb.ToString());
        }

        return corpus;
    }
}
