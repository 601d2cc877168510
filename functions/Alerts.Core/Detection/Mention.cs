using Alerts.Core.Places;

namespace Alerts.Core.Detection;

/// <summary>A jurisdiction named in a sentence: a country, breakaway authority or region, by name, demonym or capital.</summary>
/// <remarks><see cref="Shared"/> lists every jurisdiction a shared name ("Congo") may denote; the detector picks one from the article.</remarks>
internal sealed record Mention(int Start, int End, Place Place, bool Possessive, Place? CapitalCity = null, IReadOnlyList<Place>? Shared = null);
