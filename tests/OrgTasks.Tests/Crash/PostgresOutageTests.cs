using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Postgres.Managed;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Crash;

/// <summary>
/// PostgreSQL goes away for some seconds while statements and a leaflet are moving. The silo must not crash or loop,
/// must say what is wrong, and must finish everything once the database is back. The server here is the test's own,
/// so stopping it disturbs no other test.
/// </summary>
[Trait("Category", "Crash")]
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orgtasks-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private ManagedPostgres _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        _server = new ManagedPostgres(_folder) { SyncAfterInit = false };
        await _server.StartAsync();
    }

    [Fact]
    public async Task A_silo_survives_postgres_stopping_for_seconds_reports_it_and_then_completes_everything_in_flight()
    {
        var database = _server.ConnectionString();
        var spec = CrashCity.Generate(districts: 1, out var committee);
        await using var silo = new DurableSilo(database);
        await silo.StartAsync();
        await using var connection = await silo.ConnectAsync();
        var client = connection.Client;
        await client.ApplyAsync(spec);
        var authors = spec.Agents.Where(a => a.HomeCount > 0).Take(200).Select(a => a.Id).ToList();
        var drafts = authors.ToDictionary(a => a, _ => new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = "in flight" });

        var leaflet = await client.IssueLeafletAsync(committee, "Outage", "still going");
        await _server.StopAsync();
        // Traffic during the outage: sends are refused (not acknowledged) while the database is away, and retried.
        var sends = authors.Select(author => SendUntilAcknowledged(client, author, drafts[author])).ToList();
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.True(silo.IsRunning, "the silo died while PostgreSQL was away:\n" + silo.Output);
        await _server.StartAsync();

        await Task.WhenAll(sends);
        var status = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(120), "leaflet complete");
        Assert.Equal(status.HomesTotal, status.HomesReached);
        Assert.Equal(0, status.Duplicates);
        var inbox = await Poll.UntilAsync(() => client.GetInboxAsync(committee, 1_000), i => i.Count >= authors.Count, TimeSpan.FromSeconds(120), "inbox");
        Assert.Equal(drafts.Values.Select(d => d.Id).Order(), inbox.Select(e => e.Statement.Id).Order());
        Assert.True(silo.IsRunning);
        Assert.Contains("PostgreSQL", silo.Output);
    }

    private static async Task SendUntilAcknowledged(OrgTasksClient client, string author, StatementDraft draft)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                await client.As(Actor.Agent(author), () => client.Grains.GetGrain<IAgentGrain>(author).SendStatement(draft));
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task DisposeAsync()
    {
        try { await _server.StopAsync(); }
        finally { try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }
}
