namespace Alerts.Core.Storage;

/// <summary>Operations allowed in a transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the transaction if the entity exists.</summary>
    Add,

    /// <summary>Replace guarded by the action's ETag.</summary>
    UpdateReplace,

    /// <summary>Merge guarded by the action's ETag.</summary>
    UpdateMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Delete guarded by the action's ETag.</summary>
    Delete,
}
