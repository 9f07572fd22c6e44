using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrgTasks.Tests.EndToEnd;

/// <summary><c>orgtasks org validate</c> needs no cluster: these run without a silo.</summary>
[Trait("Category", "EndToEnd")]
public sealed class OrgValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-e2e-").FullName;

    [Fact]
    public async Task Valid_sample_exits_zero_with_one_summary_line()
    {
        var run = await OrgTasksProcess.RunAsync("org", "validate", "samples/st-petersburg.yaml");

        CliAssert.Succeeded(run);
        var line = Assert.Single(run.StdoutLines);
        Assert.Matches(new Regex(@"^samples/st-petersburg\.yaml: valid — organization st-petersburg, [\d,]+ units, [\d,]+ agents, [\d,]+ homes"), line);
    }

    [Fact]
    public async Task Invalid_file_exits_two_with_every_error_as_file_line_field_and_no_stack_trace()
    {
        var file = Write("broken.yaml", """
            organization: broken
            committee:
              id: brk
              contact: ghost
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - id: brk/narva
                kind: district
                parent: brk
                contact: petya
                members: [fedya]
            agents:
              - { id: jerjoma }
              - { id: fedya }
            """);

        var run = await OrgTasksProcess.RunAsync("org", "validate", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.Contains(run.StderrLines, line => line.StartsWith($"{file}:4: committee.contact: ", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, line => line.StartsWith($"{file}:11: groups[0].contact: ", StringComparison.Ordinal));
        Assert.Empty(run.StdoutLines);
    }

    [Fact]
    public async Task JSON_reports_validity_errors_and_size()
    {
        var run = await OrgTasksProcess.RunAsync("org", "validate", "samples/st-petersburg.yaml", "--json");

        CliAssert.Succeeded(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        Assert.True(root.GetProperty("units").GetInt32() > 0);
        Assert.True(root.GetProperty("agents").GetInt32() > 0);
        Assert.True(root.GetProperty("homes").GetInt64() > 0);
    }

    [Fact]
    public async Task Missing_file_is_a_user_error_not_an_invalid_file()
    {
        var run = await OrgTasksProcess.RunAsync("org", "validate", Path.Combine(_folder, "nowhere.yaml"));

        CliAssert.FailedCleanly(run, 1, "no such file");
    }

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
