using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.Deploy;

/// <summary>
/// <see cref="RuntimeTiering"/>: read as the runtime reads it (hexadecimal, DOTNET_ before COMPlus_), and set the same way
/// by every file that starts a silo.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class RuntimeTieringTests
{
    private static RuntimeTiering Read(params (string Name, string Value)[] variables) =>
        RuntimeTiering.Read(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Nothing_set_is_the_runtimes_default_and_the_description_says_what_to_set()
    {
        var tiering = Read();

        Assert.Equal(new RuntimeTiering(null, null), tiering);
        Assert.False(tiering.IsRecommended);
        Assert.Equal("runtime tiering: counting delay 100 ms (default), promotion after 30 (default) calls; a fresh silo starts cold "
            + "about twice as fast with DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=0x1000", tiering.Describe());
    }

    [Fact]
    public void The_recommended_values_are_recognised_and_described_without_advice()
    {
        var tiering = Read(("DOTNET_TC_CallCountingDelayMs", "0"), ("DOTNET_TC_CallCountThreshold", "0x1000"));

        Assert.True(tiering.IsRecommended);
        Assert.Equal("runtime tiering: counting delay 0 ms, promotion after 4,096 calls", tiering.Describe());
    }

    [Theory]
    [InlineData("1000", 4096u)] // the runtime reads hexadecimal: "1000" is 4,096 calls
    [InlineData("0X1000", 4096u)]
    [InlineData("1e", 30u)]
    [InlineData("banana", null)] // not a number: the runtime keeps its default
    [InlineData("", null)]
    public void Values_are_read_as_hexadecimal_like_the_runtime_reads_them(string text, uint? expected)
    {
        Assert.Equal(expected, Read(("DOTNET_TC_CallCountThreshold", text)).CallCountThreshold);
    }

    [Fact]
    public void The_legacy_COMPlus_prefix_counts_when_DOTNET_is_not_set()
    {
        Assert.Equal(0u, Read(("COMPlus_TC_CallCountingDelayMs", "0")).CallCountingDelayMs);
        Assert.Equal(10u, Read(("COMPlus_TC_CallCountingDelayMs", "0"), ("DOTNET_TC_CallCountingDelayMs", "a")).CallCountingDelayMs);
    }

    [Fact]
    public void The_server_image_sets_the_recommended_values()
    {
        var text = File.ReadAllText(DeployFiles.PathOf(Path.Combine("docker", "Dockerfile")));
        foreach (var (name, value) in RuntimeTiering.Recommended)
            Assert.Matches($@"(?m)^(ENV |\s+){name}={value}(\s|\\|$)", text);
    }

    [Fact]
    public void The_systemd_silo_unit_sets_the_recommended_values()
    {
        var service = DeployFiles.Unit(Path.Combine("systemd", "orgtasks-silo@.service"))["Service"];
        Assert.Contains(RuntimeTiering.RecommendedAssignments, service["Environment"]);
    }

    [Theory]
    [InlineData("quickstart.sh")]
    [InlineData("cluster-mobilize.sh")]
    public void The_local_scripts_that_start_silos_export_the_recommended_values(string script)
    {
        var lines = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("local", script)));
        Assert.Contains("export " + RuntimeTiering.RecommendedAssignments, lines);
    }
}
