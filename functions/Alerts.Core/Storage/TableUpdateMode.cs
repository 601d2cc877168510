namespace Alerts.Core.Storage;

/// <summary>Replace drops properties absent from the new entity; Merge keeps them.</summary>
public enum TableUpdateMode
{
    /// <summary>The new entity replaces the stored one.</summary>
    Replace,

    /// <summary>The new entity's properties are merged into the stored one.</summary>
    Merge,
}
