namespace Alerts.Storage.Http;

/// <summary>Which storage service a request goes to: they sign differently.</summary>
internal enum StorageService
{
    Queue,
    Table,
}
