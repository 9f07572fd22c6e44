using OrgTasks.Silo.Health;
using OrgTasks.Api.Hosting;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Deploy;

/// <summary>deploy/docker/Dockerfile, checked without a Docker daemon: its stages, user, health check and entry point.</summary>
[Trait("Category", "Deploy")]
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("docker", "Dockerfile")))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static string[] Instructions(string name) => Instructions(Lines, name);

    private static string[] Instructions(IEnumerable<string> lines, string name) =>
        lines.Where(l => l.StartsWith(name + " ", StringComparison.Ordinal)).ToArray();

    /// <summary>The lines of one stage, from its FROM to the next.</summary>
    private static string[] Stage(string name)
    {
        var from = Array.FindIndex(Lines, l => l.StartsWith("FROM ", StringComparison.Ordinal) && l.EndsWith(" AS " + name, StringComparison.Ordinal));
        Assert.True(from >= 0, $"no stage {name}");
        return Lines.Skip(from).TakeWhile((l, i) => i == 0 || !l.StartsWith("FROM ", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void It_builds_in_the_sdk_and_runs_the_server_on_the_aspnet_runtime_as_an_unprivileged_user_by_default()
    {
        var stages = Instructions("FROM");
        Assert.Equal(4, stages.Length);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.Equal("FROM build AS build-tools", stages[1]); // the command line: not built for the server image
        Assert.Equal("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS tools", stages[2]);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS server", stages[3]); // the last stage: docker build's default
        foreach (var runtime in new[] { Stage("server"), Stage("tools") })
        {
            Assert.Contains("USER app", runtime);
            // The configuration folder (the local CA) is the image user's, so a volume mounted there is writable by it.
            Assert.Contains(runtime, l => l.StartsWith("ENV ORGTASKS_CONFIG=/config", StringComparison.Ordinal));
            Assert.Contains(runtime, l => l.Contains("chown app:app /config", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_server_image_holds_the_server_publish_output_only_and_runs_its_dll()
    {
        var server = Assert.Single(Instructions(Stage("build"), "RUN"), l => l.Contains("dotnet publish"));
        Assert.EndsWith(" -o /app", server);
        var project = Project(server);
        Assert.Equal("src/OrgTasks.Server/OrgTasks.Server.csproj", project);
        Assert.Equal(["COPY --from=build /app ./"], Instructions(Stage("server"), "COPY"));
        var assembly = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, project)).Descendants("AssemblyName").Single().Value;
        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"/app/{assembly}.dll\"]", Instructions(Stage("server"), "ENTRYPOINT").Single());

        var cli = Assert.Single(Instructions(Stage("build-tools"), "RUN"), l => l.Contains("dotnet publish"));
        Assert.EndsWith(" -o /tools", cli);
        Assert.Equal("src/OrgTasks.Cli/OrgTasks.Cli.csproj", Project(cli));
        Assert.Equal(["COPY --from=build-tools /tools ./"], Instructions(Stage("tools"), "COPY"));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"/app/orgtasks.dll\"]", Instructions(Stage("tools"), "ENTRYPOINT").Single());
        foreach (var copy in Instructions("COPY").Where(c => !c.Contains("--from")))
            foreach (var source in copy.Split(' ')[1..^1])
                Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)), $"COPY {source}: not in the repository");
    }

    [Fact]
    public void The_health_check_asks_the_plain_health_port_the_default_command_opens_and_the_http_port_is_exposed()
    {
        var command = Instructions(Stage("server"), "CMD").Single();
        Assert.Contains("\"--health-port\", \"8081\"", command);
        Assert.Contains($"\"--http-port\", \"{ServerSettings.DefaultHttpPort}\"", command);
        Assert.Contains($"\"--gateway-port\", \"{new SiloSettings().GatewayPort}\"", command);
        Assert.Contains($"\"--silo-port\", \"{new SiloSettings().SiloPort}\"", command);
        var check = string.Join(" ", Lines.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2));
        Assert.Contains("/dev/tcp/127.0.0.1/8081", check);
        Assert.Contains($"GET {HealthPaths.Liveness} ", check);
        var exposed = Instructions(Stage("server"), "EXPOSE").Single().Split(' ')[1..];
        Assert.Equal(["11111", "30000", ServerSettings.DefaultHttpPort.ToString(), "8081"], exposed);
    }

    private static string Project(string publish) => publish.Split(' ').Single(p => p.EndsWith(".csproj", StringComparison.Ordinal));

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
