namespace Alerts.Core.Detection;

/// <summary>A rule file that cannot be used; the message lists every bad rule with the reason.</summary>
public sealed class RuleFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleFileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RuleFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
