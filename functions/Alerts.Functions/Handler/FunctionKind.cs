namespace Alerts.Functions.Handler;

/// <summary>How a function is triggered, which decides how failures are reported to the host.</summary>
internal enum FunctionKind
{
    Http,
    Queue,
    Timer,
}
