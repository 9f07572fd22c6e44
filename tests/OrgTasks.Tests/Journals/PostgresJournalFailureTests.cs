using Npgsql;
using OrgTasks.Grains.Durability;
using OrgTasks.Errors;
using OrgTasks.Postgres.Journals;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

/// <summary>A database that is gone, connections that break, data PostgreSQL refuses: callers fail clearly, nothing crashes.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Journals")]
public sealed class PostgresJournalFailureTests(PostgresFixture postgres)
{
    private readonly string _run = "f" + Guid.NewGuid().ToString("N")[..10] + "-";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private HeldStatement Held(string id, string text = "report") => new()
    {
        Statement = new Statement { Id = _run + id, Author = "a", To = Addressee.Committee, Text = text, WrittenAt = T0 },
        Hop = new StatementHop { StatementId = _run + id, Holder = _run + "group", Role = HopRole.Unit, Unit = _run + "group", AcceptedAt = T0 },
    };

    [Fact]
    public async Task Without_a_database_calls_fail_with_a_clear_error_and_the_journal_keeps_running()
    {
        // A port nobody listens on: the outage as a caller sees it.
        var nowhere = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Port = FreePort(), Timeout = 2 }.ConnectionString;
        await using var journals = JournalSet.Postgres(nowhere);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var write = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                journals.Deliveries.RecordAsync(_run + "l1", "agent-1", "agent-1", 42, HomeMask.All(42), T0));
            Assert.Contains("unavailable", write.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<StorageUnavailableException>(() => journals.Deliveries.FindAsync(_run + "l1", "agent-1"));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => journals.Statements.LoadInboxAsync("committee", 10));
        }
    }

    [Fact]
    public async Task Broken_connections_fail_their_callers_and_the_next_commit_succeeds()
    {
        var application = _run + "app";
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { ApplicationName = application }.ConnectionString;
        await using var journals = JournalSet.Postgres(connection);
        await journals.Statements.AcceptAsync(_run + "group", [Held("s0")]);

        // Every connection of this journal is killed under it, as by a database restart.
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", admin)
            {
                Parameters = { new NpgsqlParameter { Value = application } },
            };
            await kill.ExecuteNonQueryAsync();
        }

        var failures = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Assert.Equal([true], await journals.Statements.AcceptAsync(_run + "group", [Held("s1")]));
                break;
            }
            catch (StorageUnavailableException) when (attempt < 5)
            {
                failures++; // the grains' retry loop, in miniature
            }
        }
        Assert.InRange(failures, 0, 2);
        Assert.Equal(2, (await journals.Statements.LoadHeldAsync(_run + "group")).Count);
    }

    [Fact]
    public async Task Data_postgresql_refuses_fails_only_its_own_caller()
    {
        await using var journals = JournalSet.Postgres(postgres.ConnectionString);
        var good = Enumerable.Range(0, 200).Select(i => Task.Run(() => journals.Statements.AcceptAsync(_run + "group", [Held("ok" + i)]))).ToList();
        var bad = Task.Run(() => journals.Statements.AcceptAsync(_run + "group", [Held("bad", "a NUL \0 in a text")]));

        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => bad);
        Assert.Equal(StorageFailureKind.Rejected, refused.Kind);
        Assert.False(refused.IsTransient);
        Assert.All(await Task.WhenAll(good), fresh => Assert.Equal([true], fresh));
        Assert.Equal(200, (await journals.Statements.LoadHeldAsync(_run + "group")).Count);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
