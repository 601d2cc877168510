using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>A jurisdiction named in a sentence: a country, breakaway authority or region, by name, demonym or capital.</summary>
internal sealed record Mention(int Start, int End, Place Place, bool Possessive, Place? CapitalCity = null);
