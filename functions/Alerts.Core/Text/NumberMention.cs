namespace Alerts.Core.Text;

/// <summary>A number in text: its span, value, and whether it is an approximate lower bound ("thousands"), a year or a percentage.</summary>
public sealed record NumberMention(int Start, int End, long Value, bool Approximate, bool IsYear, bool IsPercent);
