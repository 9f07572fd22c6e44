using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Postgres;
using Xunit.Abstractions;

namespace OrgTasks.Tests.Cluster;

/// <summary>
/// Defaults compose: three silos on one managed PostgreSQL, each given the connection string exactly as the managed
/// server prints it (no pool edited), serve a city of 100,800 homes (the load test's apply and one leaflet to every
/// home: 100 %, no duplicate, no missing home), and all three are still active members at the end.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(FailoverCollection.Name)]
public sealed class DefaultConnectionClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_silos_on_the_managed_server_with_the_default_connection_string_serve_a_100000_home_city()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var printed = scratch.Server.ConnectionString();
        Assert.DoesNotContain("Pool Size=80", printed);

        await LocalCluster.RunAsync(printed, size: 3, output.WriteLine, async cluster =>
        {
            var run = await OrgTasksProcess.RunAsync(
                ["loadtest", "mobilize", "--homes", "100000", "--leaflets", "1", "--warmup", "0",
                 "--gateway", string.Join(",", cluster.Gateways), "--cluster-id", cluster.ClusterId],
                TimeSpan.FromMinutes(8));
            output.WriteLine(run.ToString());
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"duplicates\s+0", run.Stdout);
            Assert.Equal(3, (await cluster.ActivePortsAsync()).Count);
            foreach (var silo in cluster.Silos) Assert.DoesNotContain("53300", silo.Output);
        }, poolAsGiven: true);
    }
}
