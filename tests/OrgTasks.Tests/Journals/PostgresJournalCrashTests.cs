using System.Diagnostics;
using Npgsql;
using OrgTasks.Errors;
using OrgTasks.Postgres.Journals;
using OrgTasks.Postgres.Schema;
using OrgTasks.Statements;
using OrgTasks.Tests.Postgres;

namespace OrgTasks.Tests.Journals;

/// <summary>
/// The database itself crashes (an immediate shutdown, as on power loss) under a stream of hop acceptances, and comes
/// back. On a private server of its own: the shared test server must not go down under the other tests.
/// </summary>
[Trait("Category", "Journals")]
public sealed class PostgresJournalCrashTests
{
    [Fact]
    public async Task After_a_database_crash_no_acknowledged_hop_is_lost_and_every_hop_is_answered_new_exactly_once()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var connection = new NpgsqlConnectionStringBuilder(scratch.Server.ConnectionString()) { Timeout = 2 }.ConnectionString;
        await new SchemaMigrator(connection).ApplyAsync();
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        long hops = 0, answeredNew = 0, answeredNotNew = 0, failedCalls = 0;

        await using (var store = new PgJournalStore(connection))
        {
            var journal = new PgStatementJournal(store);
            using var stop = new CancellationTokenSource();
            // 100 holders each accepting one statement after another, retrying a failed call as the grains do: a
            // statement is held by its grain only when the journal answers "new", so "new" must come exactly once.
            var holders = Enumerable.Range(0, 100).Select(h => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var held = Held("h" + h, $"s{h}-{i}", t0);
                    Interlocked.Increment(ref hops);
                    while (true)
                    {
                        try
                        {
                            var fresh = (await journal.AcceptAsync("h" + h, [held]))[0];
                            Interlocked.Increment(ref fresh ? ref answeredNew : ref answeredNotNew);
                            break;
                        }
                        catch (StorageUnavailableException)
                        {
                            Interlocked.Increment(ref failedCalls);
                            await Task.Delay(50);
                        }
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await CrashAsync(scratch.Server.ClusterDirectory);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await scratch.Server.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await stop.CancelAsync();
            await Task.WhenAll(holders);
        }

        Assert.True(failedCalls > 0, "the crash was not seen by any call");
        Assert.Equal((hops, 0L), (answeredNew, answeredNotNew));
        await using var again = JournalSet.Postgres(connection);
        var stored = await Task.WhenAll(Enumerable.Range(0, 100).Select(h => again.Statements.LoadHeldAsync("h" + h)));
        Assert.Equal(hops, stored.Sum(s => (long)s.Count));
    }

    private static HeldStatement Held(string holder, string id, DateTimeOffset at) => new()
    {
        Statement = new Statement { Id = id, Author = "a", To = Addressee.Committee, Text = "report", WrittenAt = at },
        Hop = new StatementHop { StatementId = id, Holder = holder, Role = HopRole.Unit, Unit = holder, AcceptedAt = at },
    };

    /// <summary>SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, no checkpoint, recovery from WAL at the next start.</summary>
    private static async Task CrashAsync(string clusterDirectory)
    {
        var pid = (await File.ReadAllLinesAsync(Path.Combine(clusterDirectory, "postmaster.pid")))[0].Trim();
        using (var kill = Process.Start("kill", ["-QUIT", pid])) await kill.WaitForExitAsync();
        for (var waited = 0; File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")) && waited < 100; waited++) await Task.Delay(100);
    }
}
