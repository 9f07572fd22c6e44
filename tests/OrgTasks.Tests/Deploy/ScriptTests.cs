using System.Diagnostics;

namespace OrgTasks.Tests.Deploy;

/// <summary>Every shell script under deploy/ parses (<c>bash -n</c>): the scripts are run by hand and by CI, not compiled.</summary>
[Trait("Category", "Deploy")]
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts() => new(Directory.GetFiles(DeployFiles.Folder, "*.sh", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(DeployFiles.Folder, f)));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_script_parses(string script)
    {
        var start = new ProcessStartInfo("bash", ["-n", DeployFiles.PathOf(script)]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"bash -n {script}: {error}");
    }
}
