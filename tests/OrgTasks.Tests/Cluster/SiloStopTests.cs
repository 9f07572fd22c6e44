using System.Collections.Concurrent;
using OrgTasks.Client;
using OrgTasks.Silo.Health;
using OrgTasks.Statements;
using OrgTasks.Tests.Crash;
using OrgTasks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrgTasks.Tests.Cluster;

/// <summary>
/// A silo of three is stopped gracefully (SIGTERM, as Kubernetes, compose and systemd stop one) while clients send
/// statements and a leaflet goes out, and is started again. Clients use the client library as an app would (it retries
/// what Orleans reports as transient): they see no error, nothing is lost or doubled, and the restarted silo is an
/// active member that serves a client of its own.
/// </summary>
[Collection(FailoverCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class SiloStopTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_silo_stopped_gracefully_during_traffic_hands_its_grains_over_with_no_error_seen_by_clients_and_rejoins_when_started_again()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var spec = CrashCity.Generate(districts: 1, out var committee);
        await LocalCluster.RunAsync(database, size: 3, output.WriteLine, cluster => StopAndRestartAsync(cluster, database, spec, committee));
    }

    private async Task StopAndRestartAsync(LocalCluster cluster, string database, OrgTasks.Organization.OrganizationSpec spec, string committee)
    {
        await using var connection = await cluster.ConnectAsync();
        var client = connection.Client;
        // Every silo that printed "ready" is alive and ready on its health endpoint.
        foreach (var silo in cluster.Silos)
        {
            Assert.Equal((200, "ok: active"), await silo.HealthAsync(HealthPaths.Liveness));
            Assert.Equal((200, "ok: active"), await silo.HealthAsync(HealthPaths.Readiness));
        }
        await client.ApplyAsync(spec);
        var authors = new ConcurrentQueue<string>(spec.Agents.Where(a => a.HomeCount > 0).Select(a => a.Id));
        var sent = new ConcurrentBag<string>();
        var errors = new ConcurrentBag<string>();
        using var stopTraffic = new CancellationTokenSource();

        // Four clients' worth of statements, one after another each, until told to stop: each from an author of its own.
        var traffic = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stopTraffic.IsCancellationRequested && authors.TryDequeue(out var author))
            {
                try
                {
                    sent.Add(await client.SendStatementAsync(author, Addressee.Committee, $"report from {author}"));
                }
                catch (Exception error)
                {
                    errors.Add($"{author}: {error.GetType().Name}: {error.Message}");
                }
            }
        })).ToList();

        await Poll.UntilAsync(() => Task.FromResult(sent.Count), n => n >= 50, TimeSpan.FromSeconds(60), "50 statements sent");
        var leaving = cluster.Silos[2];
        var stop = leaving.StopAsync();
        var leaflet = await client.IssueLeafletAsync(committee, "During the stop", "The work goes on");
        await stop;
        var sentAtStop = sent.Count;
        Assert.Equal(0, leaving.ExitCode);
        await Poll.UntilAsync(() => Task.FromResult(sent.Count), n => n >= sentAtStop + 50, TimeSpan.FromSeconds(60), "50 more statements after the stop");
        // A stopping silo writes its own leave, but the table write may lose to a concurrent one; the probes then decide.
        var afterStop = await Poll.UntilAsync(() => cluster.ActivePortsAsync(), p => !p.Contains(leaving.SiloPort),
            TimeSpan.FromSeconds(30), $"{leaving.Name} gone from the active silos");

        await leaving.StartAsync();
        var rejoined = await Poll.UntilAsync(() => cluster.ActivePortsAsync(), p => p.Count == 3, TimeSpan.FromSeconds(60), "three active silos");
        Assert.Equal((200, "ok: active"), await leaving.HealthAsync(HealthPaths.Readiness));
        // A client that knows only the restarted silo's gateway is served by it.
        await using (var own = await cluster.ConnectAsync([leaving.Gateway]))
        {
            sent.Add(await own.Client.SendStatementAsync(spec.Agents.First(a => a.HomeCount > 0).Id, Addressee.Committee, "through the restarted silo"));
            Assert.True((await own.Client.GetLeafletStatusAsync(leaflet)).HomesTotal > 0);
        }
        await Poll.UntilAsync(() => Task.FromResult(sent.Count), n => n >= sentAtStop + 100, TimeSpan.FromSeconds(60), "statements after the rejoin");
        await stopTraffic.CancelAsync();
        await Task.WhenAll(traffic);

        var status = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(120), "the leaflet complete");
        await Poll.UntilAsync(() => Traffic.ArrivalsAsync(database, committee), a => a.Rows >= sent.Count, TimeSpan.FromSeconds(120), "every sent statement in the inbox");
        output.WriteLine($"{sent.Count} statements sent through a graceful stop and a restart, {errors.Count} errors seen by clients; "
            + $"active silos {afterStop.Count} after the stop and {rejoined.Count} after the restart");

        Assert.Empty(errors);
        Assert.Equal(2, afterStop.Count);
        Assert.DoesNotContain(leaving.SiloPort, afterStop);
        Assert.Contains(leaving.SiloPort, rejoined);
        Assert.Equal(status.HomesTotal, status.HomesReached);
        Assert.Equal(0, status.Duplicates);
        Assert.Equal(((long)sent.Count, (long)sent.Count), await Traffic.ArrivalsAsync(database, committee));
        var inbox = await client.GetInboxAsync(committee, 5_000);
        Assert.Equal(sent.Order(), inbox.Select(e => e.Statement.Id).Order());
    }
}
