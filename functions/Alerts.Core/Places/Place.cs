namespace Alerts.Core.Places;

/// <summary>
/// A gazetteer entry: a stable id (<c>C:AM</c> for countries, <c>P:&lt;GeoNames id&gt;</c> for cities,
/// <c>R:slug</c> for curated regions, <c>U:folded-name</c> for names found only in text), its
/// canonical name, country (ISO 3166 alpha-2), coordinates, population and alternate names.
/// </summary>
public sealed record Place(
    string Id,
    string Name,
    PlaceKind Kind,
    string Country,
    double Latitude,
    double Longitude,
    long Population,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms)
{
    /// <summary>True for a country, a region, or a breakaway authority: things that act, declare and suffer.</summary>
    public bool IsJurisdiction => Kind is PlaceKind.Country or PlaceKind.Side or PlaceKind.Region;

    /// <summary>An entry for a name the gazetteer lacks, accepted because it stood in a clear place slot.</summary>
    public static Place Unknown(string name) =>
        new("U:" + Text.TextFold.Fold(name).Replace(' ', '-'), name, PlaceKind.Unknown, "", 0, 0, 0, [], []);
}
