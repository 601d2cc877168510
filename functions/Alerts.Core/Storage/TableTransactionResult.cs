namespace Alerts.Core.Storage;

/// <summary>
/// Either every action succeeded (with the new ETags, in order; null for deletes) or none did, and
/// <see cref="FailedActionIndex"/> names the action that failed with its status and error code.
/// </summary>
public sealed record TableTransactionResult(
    bool Succeeded,
    IReadOnlyList<string?> ETags,
    int? FailedActionIndex,
    int? FailedStatus,
    string? FailedErrorCode);
