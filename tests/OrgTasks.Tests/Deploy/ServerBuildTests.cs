using System.Text.Json;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Deploy;

/// <summary>
/// The production server carries no load-test code: neither its dependency file nor its build folder names the load
/// tests, their baseline grains or their chart libraries. The orgtasks command line does (it runs the load tests),
/// which shows the check reads what it should.
/// </summary>
[Trait("Category", "Observability")]
public sealed class ServerBuildTests
{
    private static readonly string[] LoadTestOnly = ["OrgTasks.LoadTest", "OrgTasks.Baselines", "ScottPlot", "SkiaSharp"];

    [Fact]
    public void The_servers_dependencies_and_build_output_hold_no_load_test_baseline_or_chart_library()
    {
        var (libraries, files) = Output("OrgTasks.Server", "orgtasks-server");
        Assert.Contains(libraries, l => l.StartsWith("OrgTasks.Api/", StringComparison.Ordinal)); // the file was read
        foreach (var name in LoadTestOnly)
        {
            Assert.DoesNotContain(libraries, l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(files, f => f.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_command_line_carries_the_load_tests_the_server_leaves_out()
    {
        var (libraries, files) = Output("OrgTasks.Cli", "orgtasks");
        foreach (var name in LoadTestOnly)
            Assert.Contains(libraries, l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("OrgTasks.LoadTest.dll", files);
    }

    /// <summary>The libraries a program's deps.json lists and the files of its build folder, in this test run's configuration.</summary>
    private static (IReadOnlyList<string> Libraries, IReadOnlyList<string> Files) Output(string project, string assembly)
    {
        // This test assembly lives in tests/OrgTasks.Tests/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(RepoPaths.Root, "src", project, "bin", framework.Parent!.Name, framework.Name);
        var deps = Path.Combine(folder, assembly + ".deps.json");
        Assert.True(File.Exists(deps), $"{deps} is missing: build the solution first");
        using var document = JsonDocument.Parse(File.ReadAllText(deps));
        var libraries = document.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToList();
        return (libraries, files);
    }
}
