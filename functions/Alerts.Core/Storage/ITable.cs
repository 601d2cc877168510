namespace Alerts.Core.Storage;

/// <summary>
/// A table as the pipeline uses it. Expected outcomes (already exists, someone else won, not found)
/// are values; exceptions are for the unexpected. Keys may hold any text: characters the service
/// forbids are encoded by <see cref="TableKey"/> transparently.
/// </summary>
public interface ITable
{
    /// <summary>The table's name.</summary>
    string Name { get; }

    /// <summary>Creates the table; returns false when it already existed.</summary>
    Task<bool> CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Deletes the table; returns false when it did not exist.</summary>
    Task<bool> DeleteIfExistsAsync(CancellationToken ct = default);

    /// <summary>Inserts the entity unless one with the same keys exists.</summary>
    Task<TableWriteResult> AddAsync(TableEntity entity, CancellationToken ct = default);

    /// <summary>Inserts or replaces/merges the entity, whatever is stored.</summary>
    Task<TableWriteResult> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default);

    /// <summary>Replaces or merges the entity only if its stored ETag is <paramref name="ifMatch"/> (<c>*</c> for any).</summary>
    Task<TableWriteResult> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken ct = default);

    /// <summary>Deletes the entity if its stored ETag is <paramref name="ifMatch"/> (<c>*</c> for any).</summary>
    Task<TableWriteResult> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default);

    /// <summary>The entity with these keys, or null.</summary>
    Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default);

    /// <summary>
    /// Entities matching an OData <paramref name="filter"/> (null for all), following continuation
    /// tokens transparently. Build filters with <see cref="TableFilter"/> so that keys are encoded.
    /// </summary>
    IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IReadOnlyList<string>? select = null, CancellationToken ct = default);

    /// <summary>Runs up to 100 operations on one partition as a whole: all succeed or none.</summary>
    Task<TableTransactionResult> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct = default);
}
