namespace Alerts.Core.Storage;

/// <summary>One operation of an entity-group transaction.</summary>
public sealed record TableTransactionAction(TableTransactionActionType Type, TableEntity Entity, string IfMatch = "*");
