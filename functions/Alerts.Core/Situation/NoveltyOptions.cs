namespace Alerts.Core.Situation;

/// <summary>
/// When repeats become news. Defaults: a count escalates when it reaches 1.5 times the last alerted
/// figure and at least 10 more (so 12 → 31 casualties alerts, 200 → 209 does not); reports from other
/// outlets within 72 hours corroborate; fighting within 14 days makes a ceasefire a flip.
/// </summary>
public sealed class NoveltyOptions
{
    /// <summary>Factor over the last alerted count that makes an escalation.</summary>
    public double EscalationFactor { get; set; } = 1.5;

    /// <summary>Minimum absolute increase for an escalation.</summary>
    public long EscalationMinimumIncrease { get; set; } = 10;

    /// <summary>How long after the last report another outlet's report counts as corroboration.</summary>
    public TimeSpan CorroborationWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How recent fighting must be for a ceasefire to be a flip.</summary>
    public TimeSpan FlipWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Reports dated further back than this, by the engine's clock, are not news: an archive item
    /// resurfacing in a feed (or a feed whose dates went wrong) neither alerts nor changes the state.
    /// </summary>
    public TimeSpan MaxArticleAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Throws listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (EscalationFactor <= 1)
        {
            problems.Add("EscalationFactor must be greater than 1");
        }

        if (EscalationMinimumIncrease < 1)
        {
            problems.Add("EscalationMinimumIncrease must be at least 1");
        }

        if (CorroborationWindow <= TimeSpan.Zero || FlipWindow <= TimeSpan.Zero || MaxArticleAge <= TimeSpan.Zero)
        {
            problems.Add("CorroborationWindow, FlipWindow and MaxArticleAge must be positive");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid novelty options: " + string.Join("; ", problems) + ".");
        }
    }
}
