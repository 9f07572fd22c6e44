namespace OrgTasks.Cli.OrgFiles;

/// <summary>
/// Finds a sample city for <c>orgtasks demo</c> wherever it is run from: the path as given (relative to the current
/// folder), else relative to the repository root, found by walking up from the executable to the folder holding
/// OrgTasks.sln. So `orgtasks demo --city samples/city-1m.yaml` works from a clone's root and from a build folder.
/// </summary>
internal static class CityFiles
{
    public const string DefaultCity = "samples/st-petersburg.yaml";
    private const string SolutionFile = "OrgTasks.sln";

    public static string Find(string path)
    {
        if (File.Exists(path) || System.IO.Path.IsPathRooted(path)) return path;
        if (RepositoryRoot() is { } root && System.IO.Path.Combine(root, path) is var inRepository && File.Exists(inRepository))
            return inRepository;
        throw new CliException($"no such file: '{path}' (looked in {Environment.CurrentDirectory}"
            + (RepositoryRoot() is { } r ? $" and {r}" : "") + ")");
    }

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile))) return folder.FullName;
        return null;
    }
}
