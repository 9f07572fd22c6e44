using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Grains.Durability;
using OrgTasks.Identity;
using OrgTasks.Postgres.Journals;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Postgres;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// A grain whose storage fails answers its caller, on another silo or in a client, with the project's
/// <see cref="StorageUnavailableException"/>: kind, SQLSTATE and a one-line reason. Before, PostgreSQL's own exception
/// could not be decoded on the calling silo (<c>CodecNotFoundException</c>) and the client saw an internal error.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Limits")]
public sealed class StorageFailureAcrossSilosTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_statement_hop_that_fails_in_storage_on_another_silo_reaches_the_client_as_StorageUnavailableException()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = TestCity.Create(districts: 3, homesPerAgent: 2);
        var refused = Enumerable.Range(1, 3).SelectMany(d => new[] { city.Group(d, 1), city.Group(d, 2) }).ToHashSet(StringComparer.Ordinal);
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}", silos: 2,
            configure: silo => silo.Services.Replace(ServiceDescriptor.Singleton<IStatementJournal>(sp =>
                new RefusingStatementJournal(new PgStatementJournal(sp.GetRequiredService<PgJournalStore>()), refused))));
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        // Eighteen authors in the six refusing groups. Agents are spread over both silos at random, so (all but
        // certainly) some authors' grains call their group's grain on the other silo: those failures cross a silo twice.
        var authors = Enumerable.Range(1, 3).SelectMany(d => Enumerable.Range(1, 2).SelectMany(g => Enumerable.Range(1, 3).Select(a => city.Distributor(d, g, a))));
        foreach (var author in authors)
        {
            var draft = new StatementDraft { Id = OrgTasks.Ids.NewStatementId(), To = Addressee.Committee, Text = "the works are out" };
            var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
                client.As(Actor.Agent(author), () => client.Grains.GetGrain<IAgentGrain>(author).SendStatement(draft)));

            Assert.Equal(StorageFailureKind.ConnectionRefused, failure.Kind);
            Assert.Equal("53300", failure.SqlState);
            Assert.True(failure.IsTransient);
            Assert.Equal("storage unavailable: PostgreSQL refused a connection (53300 too many clients)", failure.Message);
        }
    }

    /// <summary>The real journal, except that accepting statements at the given holders fails as PostgreSQL does when full.</summary>
    private sealed class RefusingStatementJournal(IStatementJournal inner, IReadOnlySet<string> refused) : IStatementJournal
    {
        public Task<IReadOnlyList<bool>> AcceptAsync(string holder, IReadOnlyList<HeldStatement> statements) =>
            refused.Contains(holder)
                ? throw new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300")
                : inner.AcceptAsync(holder, statements);

        public Task MarkPassedAsync(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at) =>
            inner.MarkPassedAsync(holder, statementIds, passedTo, at);

        public Task<IReadOnlyList<HeldStatement>> LoadHeldAsync(string holder) => inner.LoadHeldAsync(holder);
        public Task<IReadOnlyList<StatementHop>> LoadRouteAsync(string statementId) => inner.LoadRouteAsync(statementId);
        public Task<Statement?> FindStatementAsync(string statementId) => inner.FindStatementAsync(statementId);
        public Task<IReadOnlyList<InboxEntry>> LoadInboxAsync(string unit, int limit) => inner.LoadInboxAsync(unit, limit);
        public Task<IReadOnlyList<HeldStatement>> LoadHeldSinceAsync(DateTimeOffset heldBefore, int limit) => inner.LoadHeldSinceAsync(heldBefore, limit);
        public Task<IReadOnlyList<string>> LoadHoldersAsync(int limit) => inner.LoadHoldersAsync(limit);
    }
}
