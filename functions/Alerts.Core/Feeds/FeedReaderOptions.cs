namespace Alerts.Core.Feeds;

/// <summary>Limits that keep a hostile or runaway feed from costing more than a feed should.</summary>
public sealed class FeedReaderOptions
{
    /// <summary>Largest document read, in bytes (default 5 MiB).</summary>
    public int MaxDocumentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most entries kept; later ones are dropped and the document flagged (default 500).</summary>
    public int MaxEntries { get; set; } = 500;

    /// <summary>Longest field kept, in characters; longer text is cut and the document flagged (default 200,000).</summary>
    public int MaxFieldLength { get; set; } = 200_000;

    /// <summary>Deepest element nesting accepted (default 64).</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Throws listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxDocumentBytes < 1024)
        {
            problems.Add("MaxDocumentBytes must be at least 1024");
        }

        if (MaxEntries < 1)
        {
            problems.Add("MaxEntries must be at least 1");
        }

        if (MaxFieldLength < 256)
        {
            problems.Add("MaxFieldLength must be at least 256");
        }

        if (MaxDepth < 8)
        {
            problems.Add("MaxDepth must be at least 8");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid feed reader options: " + string.Join("; ", problems) + ".");
        }
    }
}
