namespace Alerts.Testing;

/// <summary>Finds the repository root (the folder holding Alerts.sln) from the test's output folder.</summary>
public static class RepoRoot
{
    /// <summary>The repository root.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alerts.sln above {AppContext.BaseDirectory}.");
    }
}
