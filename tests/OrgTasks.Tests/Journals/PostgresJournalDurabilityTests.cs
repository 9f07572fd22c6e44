using OrgTasks.Grains.Durability;
using OrgTasks.Leaflets;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

/// <summary>
/// Nothing acknowledged is lost: whatever a journal call completed for is there when the journal objects and their data
/// source are thrown away and made anew, as after a silo crash.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Journals")]
public sealed class PostgresJournalDurabilityTests(PostgresFixture postgres)
{
    private readonly string _run = "d" + Guid.NewGuid().ToString("N")[..10] + "-";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private Statement Statement(int i) => new()
    {
        Id = _run + "s" + i,
        Author = _run + "agent",
        To = Addressee.Committee,
        Text = "report " + i,
        WrittenAt = T0,
    };

    private HeldStatement Held(Statement statement, string holder) => new()
    {
        Statement = statement,
        Hop = new StatementHop { StatementId = statement.Id, Holder = holder, Role = HopRole.Unit, Unit = holder, AcceptedAt = T0 },
    };

    [Fact]
    public async Task Everything_acknowledged_is_there_after_the_journals_are_recreated()
    {
        var leaflet = new Leaflet { Id = _run + "l1", Issuer = "c", Scope = "c", Title = "t", Text = "x", IssuedAt = T0 };
        var first = JournalSet.Postgres(postgres.ConnectionString);
        // Concurrent, as in a mobilization; every call awaited (acknowledged) before the journals go away.
        await Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, 1_000).Select(i => Task.Run(() =>
                first.Statements.AcceptAsync(_run + "group-" + i % 10, [Held(Statement(i), _run + "group-" + i % 10)])))),
            Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() =>
                first.Leaflets.AcceptAsync(_run + "unit-" + i, leaflet, T0)))),
            Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() =>
                first.Deliveries.RecordAsync(leaflet.Id, "agent-" + i, "agent-" + i, 42, HomeMask.All(42), T0)))));
        await first.Statements.MarkPassedAsync(_run + "group-0", [_run + "s0", _run + "s10"], "contact", T0.AddSeconds(1));
        await first.Leaflets.CompleteAsync(_run + "unit-0", leaflet.Id, new SubtreeCoverage
        {
            Unit = _run + "unit-0", LeafletId = leaflet.Id, HomesTotal = 1, HomesReached = 1, Duplicates = 0, CompletedAt = T0,
        });
        await first.DisposeAsync();

        await using var again = JournalSet.Postgres(postgres.ConnectionString);
        for (var g = 0; g < 10; g++)
            Assert.Equal(g == 0 ? 98 : 100, (await again.Statements.LoadHeldAsync(_run + "group-" + g)).Count);
        Assert.NotNull((await again.Statements.LoadRouteAsync(_run + "s0")).Single().PassedAt);
        Assert.Equal(UnitLeafletStage.Complete, (await again.Leaflets.FindAsync(_run + "unit-0", leaflet.Id))?.Stage);
        Assert.All(await Task.WhenAll(Enumerable.Range(1, 499).Select(i => again.Leaflets.LoadUnfinishedAsync(_run + "unit-" + i))),
            list => Assert.Single(list));
        var deliveries = await again.Deliveries.LoadLeafletAsync(leaflet.Id);
        Assert.Equal(2_000, deliveries.Count);
        Assert.Equal(84_000, deliveries.Sum(d => d.HomesReached));
    }

    [Fact]
    public async Task Writes_queued_when_the_journal_is_disposed_are_written_before_it_closes()
    {
        var first = JournalSet.Postgres(postgres.ConnectionString);
        var writes = Enumerable.Range(0, 3_000)
            .Select(i => first.Deliveries.RecordAsync(_run + "l1", "agent-" + i, "agent-" + i, 42, HomeMask.All(42), T0))
            .ToList();
        await first.DisposeAsync();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        await using var again = JournalSet.Postgres(postgres.ConnectionString);
        Assert.Equal(3_000, (await again.Deliveries.LoadLeafletAsync(_run + "l1")).Count);
    }
}
