using System.Text.RegularExpressions;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Deploy;

/// <summary>The deployment files and the README agree with the code: every option they pass exists, every file is explained.</summary>
[Trait("Category", "Deploy")]
public sealed partial class DeployOptionsTests
{
    private static readonly string[] Files = Directory.GetFiles(DeployFiles.Folder, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}local{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToArray();

    [Theory]
    [InlineData("db init")]
    [InlineData("db start")]
    [InlineData("db stop")]
    public async Task Every_option_the_deployment_files_pass_to_a_command_is_one_it_takes(string command)
    {
        var used = Files.SelectMany(f => UsesOf(File.ReadAllText(f), command)).ToHashSet();
        Assert.NotEmpty(used);
        var help = await OrgTasksProcess.RunAsync([.. command.Split(' '), "--help"]);
        Assert.Equal(0, help.ExitCode);
        foreach (var option in used) Assert.True(help.Stdout.Contains(option + " ", StringComparison.Ordinal), $"orgtasks {command} has no {option}");
    }

    [Fact]
    public void Every_option_the_deployment_files_pass_to_the_server_is_one_it_takes()
    {
        // After `orgtasks-server.dll` (compose, systemd), in the image's CMD and in the pod's args.
        var used = Files.SelectMany(f => ServerUses().Matches(File.ReadAllText(f)))
            .SelectMany(use => Option().Matches(use.Groups["rest"].Value)).Select(o => o.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "--silo-port", "--gateway-port", "--http-port", "--health-port", "--kubernetes", "--advertise" }, used);
        var usage = OrgTasks.Api.Hosting.ServerArguments.Usage;
        foreach (var option in used)
            Assert.True(Regex.IsMatch(usage, Regex.Escape(option) + "[^a-z-]"), $"orgtasks-server has no {option}");
        // Nothing in the deployment runs a silo through the command line any more.
        Assert.DoesNotContain(Files, f => Regex.IsMatch(File.ReadAllText(f), @"orgtasks\.dll silo|\[""silo"""));
    }

    [Fact]
    public void The_readme_explains_every_deployment_file()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("## Running a cluster", StringComparison.Ordinal);
        Assert.True(start > 0, "README has no 'Running a cluster' section");
        var section = readme[start..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        foreach (var file in Files.Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')))
            Assert.True(section.Contains(file, StringComparison.Ordinal), $"'Running a cluster' does not mention {file}");
    }

    /// <summary>The options after <c>orgtasks.dll COMMAND</c> (or the image's CMD and the pod's args for <c>silo</c>).</summary>
    private static IEnumerable<string> UsesOf(string text, string command)
    {
        var quoted = command.Replace(" ", "\", \"", StringComparison.Ordinal);
        foreach (Match use in Regex.Matches(text, $@"(orgtasks\.dll {command}|\[""{quoted}"")(?<rest>[^\n\]]*)"))
            foreach (Match option in Option().Matches(use.Groups["rest"].Value))
                yield return option.Value;
    }

    [GeneratedRegex(@"--[a-z][a-z-]+")]
    private static partial Regex Option();

    [GeneratedRegex(@"(?m)(orgtasks-server\.dll|^CMD \[|args: \[)(?<rest>[^\n\]]*)")]
    private static partial Regex ServerUses();
}
