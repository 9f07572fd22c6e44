using OrgTasks.Client;
using OrgTasks.Grains.Durability;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// Statements under load, as <c>orgtasks loadtest statements</c> sends them: hundreds in flight at once, from every
/// agent of a city, contacts among them (a contact that is also writing must still carry its unit's statements up).
/// Counted from the inboxes in the journal, not from what the grains say: each arrives exactly once, at its addressee.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class StatementLoadTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Two_thousand_statements_with_256_in_flight_from_every_agent_each_arrive_once_at_their_addressee()
    {
        var city = TestCity.Create(districts: 3);
        await Client.ApplyAsync(city.Spec);
        await Client.ConsentAsync(city.Committee); // statements to the central bodies leave a new committee only after that
        var authors = city.Spec.Agents.Select(a => a.Id).ToList();
        var addressees = new[] { Addressee.Committee, Addressee.Committee, Addressee.CentralCommittee, Addressee.CentralOrgan };

        // 256 writers, each sending its next statement as soon as the last is acknowledged, as the load test does.
        var sent = new System.Collections.Concurrent.ConcurrentBag<(string Id, Addressee To)>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 256).Select(async _ =>
        {
            await Task.Yield();
            while (Interlocked.Increment(ref next) is var n && n < 2_000)
            {
                var to = addressees[n % addressees.Length];
                sent.Add((await Client.SendStatementAsync(authors[n % authors.Count], to, $"statement {n}"), to));
            }
        }));

        var journal = fixture.SiloService<IStatementJournal>();
        var inboxes = new Dictionary<Addressee, string>
        {
            [Addressee.Committee] = city.Committee,
            [Addressee.CentralCommittee] = city.CentralCommittee,
            [Addressee.CentralOrgan] = city.CentralOrgan,
        };
        async Task<List<InboxEntry>> AllArrivals()
        {
            var all = new List<InboxEntry>();
            foreach (var unit in inboxes.Values) all.AddRange(await journal.LoadInboxAsync(unit, int.MaxValue));
            return all;
        }
        await Poll.UntilAsync(AllArrivals, arrived => arrived.Count >= sent.Count, TimeSpan.FromSeconds(60), "every statement in an inbox");

        Assert.Equal(2_000, sent.Count);
        foreach (var (to, unit) in inboxes)
        {
            var arrived = (await journal.LoadInboxAsync(unit, int.MaxValue)).Select(e => e.Statement.Id).ToList();
            var expected = sent.Where(s => s.To == to).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, arrived.Order(StringComparer.Ordinal).ToList()); // each once, none elsewhere
        }
        // Nothing is left held anywhere on the way once all have arrived (the last hand-over marks follow the arrivals).
        await Poll.UntilAsync(() => journal.LoadHoldersAsync(10_000), holders => holders.All(h => !h.StartsWith(city.Prefix, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "no holder of this city still holding a statement");
    }
}
