namespace Alerts.Core.Places;

/// <summary>What a gazetteer entry is.</summary>
public enum PlaceKind
{
    /// <summary>A sovereign or listed country.</summary>
    Country,

    /// <summary>A region, enclave or territory.</summary>
    Region,

    /// <summary>A region whose authorities are reported as a party of their own (e.g. a breakaway republic).</summary>
    Side,

    /// <summary>A populated place (city, town, village).</summary>
    City,

    /// <summary>A name found in a clear place slot but absent from the gazetteer.</summary>
    Unknown,
}
