namespace Alerts.Core.Text;

/// <summary>A sentence of an article with its character offset; headlines and captions are lines without a final stop.</summary>
public sealed record Sentence(string Text, int Start, bool IsHeadline);
