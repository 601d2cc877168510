namespace Alerts.Core.Detection;

/// <summary>PLOVER-style context flags for mentions that are not asserted events.</summary>
public static class DetectionContext
{
    /// <summary>Denied, refuted or negated.</summary>
    public const string Negation = "negation";

    /// <summary>Dated years before the article, or an earlier war.</summary>
    public const string Historical = "historical";

    /// <summary>Announced for later, or called for / demanded.</summary>
    public const string Future = "future";

    /// <summary>Conditional, possible, threatened or rumoured.</summary>
    public const string Hypothetical = "hypothetical";
}
