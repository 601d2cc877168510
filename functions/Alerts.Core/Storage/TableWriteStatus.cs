namespace Alerts.Core.Storage;

/// <summary>See <see cref="TableWriteResult"/>.</summary>
public enum TableWriteStatus
{
    /// <summary>The write took effect.</summary>
    Succeeded,

    /// <summary>An add found an entity with the same keys (HTTP 409).</summary>
    AlreadyExists,

    /// <summary>An ETag-guarded write lost to another writer (HTTP 412).</summary>
    PreconditionFailed,

    /// <summary>An update or delete found no entity (HTTP 404).</summary>
    NotFound,
}
