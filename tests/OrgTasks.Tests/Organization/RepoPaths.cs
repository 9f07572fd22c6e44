namespace OrgTasks.Tests.Organization;

/// <summary>
/// Finds files of the repository from a test, wherever the test binaries were built: walks up from the
/// binaries' folder to the one holding OrgTasks.sln.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The repository root (the folder holding OrgTasks.sln).</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The path of a file under <c>samples/</c>, e.g. <c>Sample("st-petersburg.yaml")</c>.</summary>
    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrgTasks.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds OrgTasks.sln.");
    }
}
