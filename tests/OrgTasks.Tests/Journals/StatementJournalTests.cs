using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

[Trait("Category", "Journals")]
public sealed class MemoryStatementJournalTests : StatementJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();

    /// <summary>The memory journal locks per record, not as a whole: racing writers must still each win once.</summary>
    [Fact]
    public async Task Racing_acceptances_of_the_same_statements_each_win_once_and_every_hop_is_kept()
    {
        var statements = Enumerable.Range(0, 50).Select(i => Statement("race" + i)).ToArray();
        var holders = new[] { Run + "group", Run + "contact", Run + "factory" };
        var attempts = holders.SelectMany(holder => Enumerable.Range(0, 6).Select(_ => (holder, batch: statements.Select(s =>
            Held(s, holder, holder.EndsWith("contact", StringComparison.Ordinal) ? HopRole.Contact : HopRole.Unit, T0)).ToList()))).ToList();

        var answers = await Task.WhenAll(attempts.Select(a => Task.Run(() => Journals.Statements.AcceptAsync(a.holder, a.batch))));

        foreach (var holder in holders)
        {
            var mine = attempts.Select((a, i) => (a.holder, answer: answers[i])).Where(a => a.holder == holder).ToList();
            for (var s = 0; s < statements.Length; s++) Assert.Equal(1, mine.Count(a => a.answer[s]));
            Assert.Equal(statements.Length, (await Journals.Statements.LoadHeldAsync(holder)).Count);
        }
        foreach (var statement in statements)
            Assert.Equal(holders.Order(), (await Journals.Statements.LoadRouteAsync(statement.Id)).Select(h => h.Holder).Order());

        await Task.WhenAll(holders.Select(holder => Task.Run(() =>
            Journals.Statements.MarkPassedAsync(holder, statements.Select(s => s.Id).ToList(), "next", T0.AddSeconds(1)))));
        Assert.Empty(await Journals.Statements.LoadHoldersAsync(100));
        Assert.Empty(await Journals.Statements.LoadHeldSinceAsync(DateTimeOffset.MaxValue, 100));
    }
}

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresStatementJournalTests(PostgresFixture postgres) : StatementJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
