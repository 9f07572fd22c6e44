using OrgTasks.Plan;
using OrgTasks.Statements;

namespace OrgTasks.Tests.Journals;

/// <summary>What every statement journal must do, whatever stores it.</summary>
public abstract class StatementJournalContract : JournalContract
{
    protected Statement Statement(string id, Addressee to = Addressee.Committee) => new()
    {
        Id = Run + id,
        Author = Run + "agent-1",
        To = to,
        Text = "we ask for more leaflets at the " + id + " works",
        WrittenAt = T0.AddMinutes(-1),
        Kind = StatementKind.Request,
    };

    protected HeldStatement Held(Statement statement, string holder, HopRole role, DateTimeOffset at, UnitRef? target = null) => new()
    {
        Statement = statement,
        Target = target,
        Hop = new StatementHop
        {
            StatementId = statement.Id,
            Holder = holder,
            Role = role,
            Unit = role == HopRole.Contact ? Run + "unit-of-" + holder : holder,
            Contact = role == HopRole.Inbox ? null : Run + "contact",
            AcceptedAt = at,
        },
    };

    private Task<IReadOnlyList<bool>> AcceptAsync(string holder, HopRole role, DateTimeOffset at, params Statement[] statements) =>
        Journals.Statements.AcceptAsync(holder, statements.Select(s => Held(s, holder, role, at)).ToList());

    [Fact]
    public async Task A_statement_is_accepted_once_per_holder()
    {
        var group = Run + "group";
        var (s1, s2) = (Statement("s1"), Statement("s2"));

        Assert.Equal([true], await AcceptAsync(group, HopRole.Unit, T0, s1));
        Assert.Equal([false, true], await AcceptAsync(group, HopRole.Unit, T0.AddSeconds(1), s1, s2));
        Assert.Equal([false, false], await AcceptAsync(group, HopRole.Unit, T0.AddSeconds(2), s2, s2));
        Assert.Equal([true, false], await AcceptAsync(Run + "other", HopRole.Unit, T0, Statement("s3"), Statement("s3")));

        var held = await Journals.Statements.LoadHeldAsync(group);
        Assert.Equal([s1.Id, s2.Id], held.Select(h => h.Statement.Id));
        Assert.Equal(T0, held[0].Hop.AcceptedAt); // the first acceptance stands
        Assert.Single(await Journals.Statements.LoadRouteAsync(s1.Id));
    }

    [Fact]
    public async Task A_held_statement_comes_back_as_it_was_accepted()
    {
        var contact = Run + "contact-agent";
        var statement = Statement("s1", Addressee.CentralCommittee);
        var held = Held(statement, contact, HopRole.Contact, T0, new UnitRef(Run + "committee", UnitKind.Committee)) with
        {
            LastError = "refused once",
            Attempts = 2,
        };
        await Journals.Statements.AcceptAsync(contact, [held]);

        Assert.Equal(held, Assert.Single(await Journals.Statements.LoadHeldAsync(contact)));
        Assert.Equal(statement, await Journals.Statements.FindStatementAsync(statement.Id));
        Assert.Null(await Journals.Statements.FindStatementAsync(Run + "unknown"));
        Assert.Empty(await Journals.Statements.LoadRouteAsync(Run + "unknown"));
        Assert.Empty(await Journals.Statements.LoadHeldAsync(Run + "nobody"));
    }

    [Fact]
    public async Task A_statement_keeps_its_traceparent_so_hops_after_a_restart_join_its_trace()
    {
        var group = Run + "group";
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var statement = Statement("s1") with { TraceParent = traceParent };
        await AcceptAsync(group, HopRole.Unit, T0, statement);

        Assert.Equal(traceParent, Assert.Single(await Journals.Statements.LoadHeldAsync(group)).Statement.TraceParent);
        Assert.Equal(traceParent, (await Journals.Statements.FindStatementAsync(statement.Id))?.TraceParent);
        var untraced = Statement("s2");
        await AcceptAsync(group, HopRole.Unit, T0, untraced);
        Assert.Null((await Journals.Statements.FindStatementAsync(untraced.Id))?.TraceParent);
    }

    [Fact]
    public async Task Passed_statements_are_no_longer_held_and_the_first_hand_over_stands()
    {
        var group = Run + "group";
        var (s1, s2) = (Statement("s1"), Statement("s2"));
        await AcceptAsync(group, HopRole.Unit, T0, s1, s2);

        await Journals.Statements.MarkPassedAsync(group, [s1.Id, Run + "never-accepted"], Run + "contact", T0.AddSeconds(5));
        await Journals.Statements.MarkPassedAsync(group, [s1.Id], Run + "someone-else", T0.AddSeconds(9));

        Assert.Equal([s2.Id], (await Journals.Statements.LoadHeldAsync(group)).Select(h => h.Statement.Id));
        var hop = Assert.Single(await Journals.Statements.LoadRouteAsync(s1.Id));
        Assert.Equal(T0.AddSeconds(5), hop.PassedAt);
        Assert.Equal(Run + "contact", hop.PassedTo);
        Assert.Equal([false], await AcceptAsync(group, HopRole.Unit, T0.AddSeconds(10), s1)); // a late retry changes nothing
        Assert.Single(await Journals.Statements.LoadHeldAsync(group));
    }

    [Fact]
    public async Task A_route_lists_every_hop_in_the_order_it_was_taken()
    {
        var statement = Statement("s1");
        string[] holders = [Run + "group", Run + "contact-1", Run + "district", Run + "contact-2", Run + "committee"];
        HopRole[] roles = [HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Inbox];
        for (var i = 0; i < holders.Length; i++)
        {
            await AcceptAsync(holders[i], roles[i], T0.AddSeconds(i), statement);
            if (roles[i] != HopRole.Inbox)
                await Journals.Statements.MarkPassedAsync(holders[i], [statement.Id], holders[i + 1], T0.AddSeconds(i + 0.5));
        }

        var route = await Journals.Statements.LoadRouteAsync(statement.Id);
        Assert.Equal(holders, route.Select(h => h.Holder));
        Assert.Equal(roles, route.Select(h => h.Role));
        Assert.All(route.SkipLast(1), h => Assert.NotNull(h.PassedAt));
        Assert.Null(route[^1].PassedAt);
        foreach (var holder in holders) Assert.Empty(await Journals.Statements.LoadHeldAsync(holder));
    }

    [Fact]
    public async Task An_inbox_lists_arrivals_newest_first_within_the_limit_and_names_who_handed_them_in()
    {
        var committee = Run + "committee";
        var district = Run + "district";
        var statements = Enumerable.Range(1, 5).Select(i => Statement("s" + i)).ToList();
        for (var i = 0; i < statements.Count; i++)
        {
            await AcceptAsync(district, HopRole.Unit, T0.AddSeconds(i), statements[i]);
            await AcceptAsync(committee, HopRole.Inbox, T0.AddSeconds(i + 0.5), statements[i]);
        }
        var own = Statement("own");
        await AcceptAsync(committee, HopRole.Inbox, T0.AddSeconds(10), own); // written at the committee itself

        var inbox = await Journals.Statements.LoadInboxAsync(committee, 3);
        Assert.Equal([own.Id, statements[4].Id, statements[3].Id], inbox.Select(e => e.Statement.Id));
        Assert.Equal([committee, district, district], inbox.Select(e => e.From));
        Assert.Equal(T0.AddSeconds(4.5), inbox[1].ArrivedAt);
        Assert.Equal(statements[4], inbox[1].Statement);
        Assert.Equal(6, (await Journals.Statements.LoadInboxAsync(committee, 100)).Count);
        Assert.Empty(await Journals.Statements.LoadInboxAsync(district, 10)); // passing through is not arriving
        Assert.Empty(await Journals.Statements.LoadHeldAsync(committee)); // an arrival is not held
    }

    [Fact]
    public async Task Statements_held_since_before_a_time_are_listed_oldest_first()
    {
        // An era of its own: other tests sharing the database hold statements too, all of them later than this.
        var era = new DateTimeOffset(1750, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(100_000));
        var (a, b) = (Run + "group-a", Run + "group-b");
        var (s1, s2, s3, s4) = (Statement("s1"), Statement("s2"), Statement("s3"), Statement("s4"));
        await AcceptAsync(a, HopRole.Unit, era.AddMinutes(2), s2);
        await AcceptAsync(b, HopRole.Contact, era.AddMinutes(1), s1);
        await AcceptAsync(a, HopRole.Unit, era.AddMinutes(5), s3);
        await AcceptAsync(b, HopRole.Unit, era.AddMinutes(3), s4);
        await Journals.Statements.MarkPassedAsync(b, [s4.Id], Run + "contact", era.AddMinutes(4));

        var held = (await Journals.Statements.LoadHeldSinceAsync(era.AddMinutes(3), 100))
            .Where(h => h.Statement.Id.StartsWith(Run, StringComparison.Ordinal)).ToList();
        Assert.Equal([s1.Id, s2.Id], held.Select(h => h.Statement.Id));
        Assert.Equal([b, a], held.Select(h => h.Hop.Holder));
        Assert.Single(await Journals.Statements.LoadHeldSinceAsync(era.AddMinutes(3), 1));
    }

    [Fact]
    public async Task Holders_with_pending_work_are_listed_and_those_that_passed_everything_are_not()
    {
        var (a, b) = (Run + "group-a", Run + "group-b");
        await AcceptAsync(a, HopRole.Unit, T0, Statement("s1"));
        await AcceptAsync(b, HopRole.Unit, T0, Statement("s2"));
        await AcceptAsync(Run + "committee", HopRole.Inbox, T0, Statement("s3"));
        await Journals.Statements.MarkPassedAsync(b, [Run + "s2"], Run + "contact", T0.AddSeconds(1));

        var holders = (await Journals.Statements.LoadHoldersAsync(100_000)).Where(h => h.StartsWith(Run, StringComparison.Ordinal));
        Assert.Equal([a], holders);
    }

    [Fact]
    public async Task Concurrent_acceptances_store_each_hop_once()
    {
        var group = Run + "group";
        var distinct = Enumerable.Range(0, 1_000).Select(i => Statement("d" + i)).ToList();
        var same = Statement("same");

        var many = distinct.Select(s => Task.Run(() => AcceptAsync(Run + "holder-" + s.Id, HopRole.Unit, T0, s)));
        var contested = Enumerable.Range(0, 200).Select(_ => Task.Run(() => AcceptAsync(group, HopRole.Unit, T0, same)));
        var fresh = await Task.WhenAll(many);
        var contestedFresh = await Task.WhenAll(contested);

        Assert.All(fresh, f => Assert.Equal([true], f));
        Assert.Equal(1, contestedFresh.Count(f => f[0]));
        Assert.Single(await Journals.Statements.LoadHeldAsync(group));
        Assert.Single(await Journals.Statements.LoadRouteAsync(same.Id));
    }

    [Fact]
    public async Task Concurrent_loads_answer_every_holder_with_its_own_held_statements()
    {
        var holders = Enumerable.Range(0, 500).Select(i => Run + "holder-" + i).ToList();
        await Task.WhenAll(holders.Select((h, i) => AcceptAsync(h, HopRole.Unit, T0, Statement(i + "-a"), Statement(i + "-b"))));

        var held = await Task.WhenAll(holders.Select(h => Task.Run(() => Journals.Statements.LoadHeldAsync(h))));

        for (var i = 0; i < holders.Count; i++)
            Assert.Equal([Run + i + "-a", Run + i + "-b"], held[i].Select(x => x.Statement.Id).Order(StringComparer.Ordinal));
    }
}
