using OrgTasks.Silo.Health;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Deploy;

/// <summary>deploy/docker/Dockerfile, checked without a Docker daemon: its stages, user, health check and entry point.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("docker", "Dockerfile")))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static string[] Instructions(string name) => Lines.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void It_builds_in_the_sdk_and_runs_on_the_aspnet_runtime_as_an_unprivileged_user()
    {
        var stages = Instructions("FROM");
        Assert.Equal(2, stages.Length);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1]);
        var runtime = Lines.SkipWhile(l => l != stages[1]).ToArray();
        Assert.Contains("USER app", runtime);
        // The configuration folder (the local CA) is the image user's, so a volume mounted there is writable by it.
        Assert.Contains(runtime, l => l.StartsWith("ENV ORGTASKS_CONFIG=/config", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.Contains("chown app:app /config", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
    }

    [Fact]
    public void It_publishes_the_cli_project_that_exists()
    {
        var publish = Assert.Single(Instructions("RUN"), l => l.Contains("dotnet publish"));
        var project = publish.Split(' ').Single(p => p.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, project)), $"{project} does not exist");
        foreach (var copy in Instructions("COPY").Where(c => !c.Contains("--from")))
            foreach (var source in copy.Split(' ')[1..^1])
                Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)), $"COPY {source}: not in the repository");
    }

    [Fact]
    public void The_health_check_asks_the_health_port_the_default_command_opens()
    {
        var command = Instructions("CMD").Single();
        Assert.Contains("\"--health-port\", \"8080\"", command);
        Assert.Contains($"\"--gateway-port\", \"{new SiloSettings().GatewayPort}\"", command);
        var check = string.Join(" ", Lines.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2));
        Assert.Contains("/dev/tcp/127.0.0.1/8080", check);
        Assert.Contains($"GET {HealthPaths.Liveness} ", check);
        Assert.Contains(Instructions("EXPOSE").Single().Split(' ')[1..], p => p == "8080");
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/orgtasks.dll\"]", Instructions("ENTRYPOINT").Single());
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_git_and_the_tests()
    {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile; build output copied in would shadow the
        // image's own restore and publish.
        var ignored = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("docker", "Dockerfile.dockerignore")))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(["**/bin/", "**/obj/", ".git/", "tests/"], ignored);
    }
}
