using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Crash;

/// <summary>
/// The silo is a separate process on PostgreSQL and is killed with SIGKILL in the middle of the work. After a restart,
/// with no client doing anything but watching, everything completes: nothing lost, nothing delivered twice.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class SiloCrashTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_silo_killed_mid_mobilization_of_100000_homes_restarts_and_every_home_gets_the_leaflet_exactly_once()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var spec = CrashCity.Generate(districts: 4, out var committee);
        Assert.Equal(100_000, spec.HomeCount);
        await using var silo = new DurableSilo(database);
        await silo.StartAsync();
        await using (var connection = await silo.ConnectAsync()) await connection.Client.ApplyAsync(spec);
        // A graceful restart empties the silo's memory, so the mobilization activates every grain from the database
        // as it goes: a cold start that leaves time to strike in the middle.
        await silo.StopAsync();
        await silo.StartAsync();

        string leaflet;
        Deliveries atKill;
        await using (var connection = await silo.ConnectAsync())
        {
            leaflet = await connection.Client.IssueLeafletAsync(committee, "Mobilization", "Everyone to the Nevsky at noon");
            atKill = await Poll.UntilAsync(() => Deliveries.ReadAsync(database, leaflet), d => d.Routes >= 100,
                TimeSpan.FromSeconds(120), "the first deliveries");
            await silo.KillAsync();
        }
        Assert.True(atKill.Routes < 4_000, $"the mobilization finished before the kill ({atKill}); the test proves nothing");

        await silo.StartAsync();
        await using (var connection = await silo.ConnectAsync())
        {
            // Nobody re-issues anything: the tracker's reminder and the journals resume the leaflet.
            var status = await Poll.UntilAsync(() => connection.Client.GetLeafletStatusAsync(leaflet), s => s.Complete,
                TimeSpan.FromSeconds(180), "the leaflet complete after the restart");
            Assert.Equal(100_000, status.HomesTotal);
            Assert.Equal(100_000, status.HomesReached);
            Assert.Equal(0, status.Duplicates);
            Assert.Empty(status.Stragglers);
        }
        var after = await Deliveries.ReadAsync(database, leaflet);
        Assert.Equal(new Deliveries(4_000, 100_000, 0), after);
    }

    [Fact]
    public async Task A_silo_killed_with_1000_statements_on_their_way_up_restarts_and_each_reaches_its_inbox_once_with_its_full_route()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var spec = CrashCity.Generate(districts: 1, out var committee);
        await using var silo = new DurableSilo(database);
        await silo.StartAsync();
        await using (var connection = await silo.ConnectAsync()) await connection.Client.ApplyAsync(spec);

        // 1,000 statements from 1,000 different distributors, each with an id made here so a resend is recognised.
        var authors = spec.Agents.Where(a => a.HomeCount > 0).Take(1_000).Select(a => a.Id).ToList();
        var drafts = authors.ToDictionary(a => a, a => new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = $"report from {a}" });
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var connection = await silo.ConnectAsync())
        {
            _ = authors.Select(async author =>
            {
                try
                {
                    await connection.Client.As(Actor.Agent(author), () => connection.Client.Grains.GetGrain<IAgentGrain>(author).SendStatement(drafts[author]));
                    acknowledged.Add(author);
                }
                catch (Exception)
                {
                    // Not acknowledged: the silo died first. The author sends it again below, with the same id.
                }
            }).ToList();
            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 100, TimeSpan.FromSeconds(120), "100 acknowledged");
            await silo.KillAsync();
            // The sends still waiting are not awaited: they would wait out the response timeout. Closing the client
            // fails them; whoever is not acknowledged by now simply sends again below (a repeat is recognised anyway).
        }
        var acknowledgedAtKill = acknowledged.ToHashSet();
        // On their way up at the moment of the kill: accepted somewhere, not yet in the inbox.
        var arrivedBeforeKill = await Cluster.Traffic.ArrivalsAsync(database, committee);
        Assert.True(arrivedBeforeKill.Rows < acknowledgedAtKill.Count,
            $"all {acknowledgedAtKill.Count} acknowledged statements had arrived before the kill; the test proves nothing");

        await silo.StartAsync();
        await using (var connection = await silo.ConnectAsync())
        {
            foreach (var author in authors.Where(a => !acknowledgedAtKill.Contains(a)))
                await connection.Client.As(Actor.Agent(author), () => connection.Client.Grains.GetGrain<IAgentGrain>(author).SendStatement(drafts[author]));

            var inbox = await Poll.UntilAsync(() => connection.Client.GetInboxAsync(committee, 5_000), i => i.Count >= authors.Count,
                TimeSpan.FromSeconds(180), "all 1,000 in the inbox");
            Assert.Equal(drafts.Values.Select(d => d.Id).Order(), inbox.Select(e => e.Statement.Id).Order());

            // Full route: group → its contact → factory → contact → district → contact → committee, each hop passed on.
            foreach (var id in drafts.Values.Select(d => d.Id).Take(50))
            {
                var route = await connection.Client.DeliveredAsync(id);
                Assert.Equal([HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Inbox],
                    route.Hops.Select(h => h.Role).ToArray());
            }
        }
        // Exactly once, counted in the database: one arrival row per statement.
        Assert.Equal((1_000L, 1_000L), await Cluster.Traffic.ArrivalsAsync(database, committee));
    }
}
