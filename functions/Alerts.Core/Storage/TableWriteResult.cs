namespace Alerts.Core.Storage;

/// <summary>The outcome of a table write that callers are expected to handle.</summary>
public sealed record TableWriteResult(TableWriteStatus Status, string? ETag)
{
    /// <summary>True when the write took effect.</summary>
    public bool Succeeded => Status == TableWriteStatus.Succeeded;

    /// <summary>The entity already existed (an add).</summary>
    public static readonly TableWriteResult AlreadyExists = new(TableWriteStatus.AlreadyExists, null);

    /// <summary>The stored ETag differed: someone else wrote first.</summary>
    public static readonly TableWriteResult PreconditionFailed = new(TableWriteStatus.PreconditionFailed, null);

    /// <summary>The entity did not exist (update or delete).</summary>
    public static readonly TableWriteResult NotFound = new(TableWriteStatus.NotFound, null);

    /// <summary>A successful write with the entity's new ETag.</summary>
    public static TableWriteResult Success(string? etag) => new(TableWriteStatus.Succeeded, etag);
}
