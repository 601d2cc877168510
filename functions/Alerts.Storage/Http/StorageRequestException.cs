namespace Alerts.Storage.Http;

/// <summary>
/// The one exception the storage clients throw for a failed request: the HTTP status and the
/// service's error code (<c>x-ms-error-code</c> or the body's code), for branching on status and code.
/// </summary>
public sealed class StorageRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageRequestException(int status, string? errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception without status (for serializers and analyzers).</summary>
    public StorageRequestException()
        : this(0, null, "Storage request failed.")
    {
    }

    /// <summary>Creates an exception without status (for serializers and analyzers).</summary>
    public StorageRequestException(string message)
        : this(0, null, message)
    {
    }

    /// <summary>Creates an exception without status (for serializers and analyzers).</summary>
    public StorageRequestException(string message, Exception inner)
        : this(0, null, message, inner)
    {
    }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int Status { get; }

    /// <summary>The service error code, e.g. <c>QueueNotFound</c>, or null.</summary>
    public string? ErrorCode { get; }
}
