namespace OrgTasks.Tests.EndToEnd;

[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OrgApplyCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-e2e-").FullName;

    [Fact]
    public async Task Applying_the_same_file_twice_says_nothing_changed_the_second_time()
    {
        // An organization of its own, so that no other test has applied it before.
        var tag = "ap" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(_folder, "small.yaml");
        File.WriteAllText(file, $$"""
            organization: {{tag}}
            committee:
              id: {{tag}}
              contact: {{tag}}-sec
              members:
                - { agent: {{tag}}-sec, function: secretary }
            groups:
              - id: {{tag}}/d1
                kind: district
                parent: {{tag}}
                contact: {{tag}}-a
                members: [{{tag}}-a, {{tag}}-b]
            agents:
              - { id: {{tag}}-sec }
              - { id: {{tag}}-a, homes: 3 }
              - { id: {{tag}}-b, homes: 2 }
            """);

        var first = await silo.RunAsync("org", "apply", file);
        var second = await silo.RunAsync("org", "apply", file);

        CliAssert.Succeeded(first);
        CliAssert.Contains($"applied {file} to organization {tag}", first.Stdout, first);
        CliAssert.Contains("2 added", first.Stdout, first);
        CliAssert.Contains($"{tag}/d1", first.Stdout, first);
        CliAssert.Succeeded(second);
        Assert.Equal($"nothing changed: {tag} already matches {file}", Assert.Single(second.StdoutLines));
    }

    [Fact]
    public async Task Invalid_file_is_refused_with_exit_two_before_any_gateway_is_tried()
    {
        var file = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(file, """
            organization: broken
            committee:
              id: brk
              contact: ghost
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """);
        var nobodyListens = $"127.0.0.1:{OrgTasks.Cli.Hosting.FreePorts.Take(1)[0]}";

        var run = await OrgTasksProcess.RunAsync("org", "apply", file, "--gateway", nobodyListens);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.Contains(run.StderrLines, line => line.StartsWith($"{file}:4: committee.contact: ", StringComparison.Ordinal));
        Assert.DoesNotContain("cannot reach", run.Stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
