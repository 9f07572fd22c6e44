using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Organization;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Crash;

/// <summary>
/// The silo is a separate process on PostgreSQL and is killed with SIGKILL in the middle of the work. After a restart,
/// with no client doing anything but watching, everything completes: nothing lost, nothing delivered twice.
/// </summary>
[Collection(FailoverCollection.Name)]
[Trait("Category", "Crash")]
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
        // The kill must land while acknowledged statements are still between hops. On a fast machine all of them can
        // arrive before the kill; then that attempt proves nothing and the scenario runs again on a fresh database.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var database = await postgres.CreateEmptyDatabaseAsync();
            var strike = await SendThenKillAsync(database);
            if (strike.InFlight > 0)
            {
                await RestartAndCheckAsync(database, strike);
                return;
            }
            Assert.True(attempt < attempts,
                $"in {attempts} attempts the kill never caught an acknowledged statement on its way up (last: all {strike.Acknowledged.Count} had arrived); the test proves nothing");
        }
    }

    /// <summary>What was true at the moment of the kill.</summary>
    private sealed record Strike(string Committee, DurableSilo Silo, List<string> Authors,
        Dictionary<string, StatementDraft> Drafts, HashSet<string> Acknowledged, long InFlight);

    private static async Task<Strike> SendThenKillAsync(string database)
    {
        var spec = CrashCity.Generate(districts: 1, out var committee);
        var silo = new DurableSilo(database);
        try
        {
            return await SendThenKillAsync(database, silo, spec, committee);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private static async Task<Strike> SendThenKillAsync(string database, DurableSilo silo, OrganizationSpec spec, string committee)
    {
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
            // Strike early: most statements are still climbing when the first ones are acknowledged.
            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 10, TimeSpan.FromSeconds(120), "10 acknowledged");
            await silo.KillAsync();
            // The sends still waiting are not awaited: they would wait out the response timeout. Closing the client
            // fails them; whoever is not acknowledged by now simply sends again below (a repeat is recognised anyway).
        }
        var acknowledgedAtKill = acknowledged.ToHashSet();
        // On their way up at the moment of the kill: acknowledged (accepted somewhere), not yet in the inbox.
        var arrivedBeforeKill = await Cluster.Traffic.ArrivalsAsync(database, committee);
        var inFlight = Math.Max(0, acknowledgedAtKill.Count - arrivedBeforeKill.Rows);
        if (inFlight == 0) await silo.DisposeAsync();
        return new Strike(committee, silo, authors, drafts, acknowledgedAtKill, inFlight);
    }

    private static async Task RestartAndCheckAsync(string database, Strike strike)
    {
        await using var silo = strike.Silo;
        await silo.StartAsync();
        await using (var connection = await silo.ConnectAsync())
        {
            foreach (var author in strike.Authors.Where(a => !strike.Acknowledged.Contains(a)))
                await connection.Client.As(Actor.Agent(author), () => connection.Client.Grains.GetGrain<IAgentGrain>(author).SendStatement(strike.Drafts[author]));

            var inbox = await Poll.UntilAsync(() => connection.Client.GetInboxAsync(strike.Committee, 5_000), i => i.Count >= strike.Authors.Count,
                TimeSpan.FromSeconds(180), "all 1,000 in the inbox");
            Assert.Equal(strike.Drafts.Values.Select(d => d.Id).Order(), inbox.Select(e => e.Statement.Id).Order());

            // Full route: group → its contact → factory → contact → district → contact → committee, each hop passed on.
            foreach (var id in strike.Drafts.Values.Select(d => d.Id).Take(50))
            {
                var route = await connection.Client.DeliveredAsync(id);
                Assert.Equal([HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Inbox],
                    route.Hops.Select(h => h.Role).ToArray());
            }
        }
        // Exactly once, counted in the database: one arrival row per statement.
        Assert.Equal((1_000L, 1_000L), await Cluster.Traffic.ArrivalsAsync(database, strike.Committee));
    }
}
