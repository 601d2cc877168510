using Alerts.Core.Detection;

namespace Alerts.Cli.Commands;

/// <summary>The readable default output of analyze.</summary>
internal static class IndicatorTable
{
    public static void Write(TextWriter o, string file, IReadOnlyList<Indicator> indicators)
    {
        o.WriteLine($"{file}: {indicators.Count(i => !i.Negated)} asserted, {indicators.Count(i => i.Negated)} not asserted");
        foreach (var i in indicators)
        {
            var status = i.Negated ? $"({i.Context})" : "FIRES";
            var count = i.Count is { } c ? (i.CountApproximate ? $"≥{c}" : c.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "";
            var evidence = i.Evidence.Length > 110 ? i.Evidence[..107] + "..." : i.Evidence;
            o.WriteLine($"  {status,-14} {i.Type,-17} {i.Subject.Name,-22} {count,6}  {i.ClaimedBy ?? "-",-28} {evidence}");
        }

        o.WriteLine();
    }
}
