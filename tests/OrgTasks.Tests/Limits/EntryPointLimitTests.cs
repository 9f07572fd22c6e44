using CsCheck;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Plan;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// Hostile input at the grains' entry points, past the first hop: every call is refused with a clear error or accepted,
/// never crashes or hangs, and a refused call leaves nothing behind.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Limits")]
public sealed class EntryPointLimitTests(ClusterFixture fixture)
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);
    private OrgTasksClient Client => fixture.Client;
    private IGrainFactory Grains => fixture.Client.Grains;

    private async Task<TestCity> AppliedCity()
    {
        var city = TestCity.Create(districts: 1, homesPerAgent: 3);
        await Client.ApplyAsync(city.Spec);
        return city;
    }

    [Fact]
    public async Task Statement_batches_of_any_size_and_shape_are_accepted_or_refused_and_a_refused_batch_stores_nothing()
    {
        var city = await AppliedCity();
        var author = city.Distributor(1, 1, 3);
        var unit = Grains.GetGrain<IGroupGrain>(city.Group(1, 1));
        // Handing statements to a unit is a grain's call (a client cannot make it at all): made here as the silo would.
        Task AcceptAsync(IReadOnlyList<Statement> statements) => fixture.InsideAs(Actor.Agent(author),
            grains => grains.GetGrain<IGroupGrain>(city.Group(1, 1)).AcceptStatements(null, statements));
        var text = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 1, 50],
            Gen.Const(""),
            Gen.Const(" \t"),
            Gen.Int[19_990, 20_010].Select(n => new string('x', n)),
            Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(s => s + "\0" + s));
        var batch = Gen.Select(Gen.Int[0, 300], text, Gen.Int[0, 10], Gen.Bool).Select((count, body, badAt, longId) =>
            Enumerable.Range(0, count).Select(i => new Statement
            {
                Id = (longId && i == badAt ? new string('i', 250) : "s-") + Guid.NewGuid().ToString("N"),
                Author = author,
                To = Addressee.Committee,
                Text = i == badAt ? body : "a report from the works",
                WrittenAt = DateTimeOffset.UtcNow,
            }).ToList());
        var refused = new List<string>();

        await batch.SampleAsync(async statements =>
        {
            var valid = statements.Count is >= 1 and <= 256 && statements.All(s =>
                s.Id.Length <= 200 && !string.IsNullOrWhiteSpace(s.Text) && s.Text.Length <= 20_000 && !s.Text.Contains('\0'));
            var call = AcceptAsync(statements).WaitAsync(CallLimit);
            if (valid)
            {
                await call;
                return;
            }
            var refusal = await Assert.ThrowsAsync<InvalidRequestException>(() => call);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            refused.AddRange(statements.Select(s => s.Id));
            var held = await Client.As(null, () => unit.GetHeld());
            Assert.DoesNotContain(held, h => statements.Any(s => s.Id == h.Statement.Id));
        }, iter: 40, threads: 1);

        var inbox = await Client.As(null, () => Grains.GetGrain<ICommitteeGrain>(city.Committee).GetInbox(10_000));
        Assert.DoesNotContain(inbox, e => refused.Contains(e.Statement.Id));
    }

    [Fact]
    public async Task A_contact_refuses_an_oversized_batch_from_its_unit()
    {
        var city = await AppliedCity();
        var contact = Grains.GetGrain<IAgentGrain>(city.Distributor(1, 1, 1));
        var group = new UnitRef(city.Group(1, 1), UnitKind.Distribution);
        var factory = new UnitRef(city.Factory(1), UnitKind.Factory);
        var statements = Enumerable.Range(0, 257).Select(i => new Statement
        {
            Id = $"big-{Guid.NewGuid():N}", Author = city.Distributor(1, 1, 3), To = Addressee.Committee, Text = "x", WrittenAt = DateTimeOffset.UtcNow,
        }).ToList();

        var refusal = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            fixture.InsideAs(Actor.Unit(group.Id), grains => grains.GetGrain<IAgentGrain>(city.Distributor(1, 1, 1)).TransmitStatements(group, factory, statements)));

        Assert.Contains("257 statements; at most 256", refusal.Message);
        Assert.Empty(await Client.As(null, () => contact.GetHeld()));
    }

    [Fact]
    public async Task A_distributor_refuses_a_route_of_two_billion_homes_and_records_nothing()
    {
        var city = await AppliedCity();
        var carrier = city.Distributor(1, 1, 2);
        var leaflet = new Leaflet
        {
            Id = "l-" + Guid.NewGuid().ToString("N"), Issuer = city.Committee, Scope = city.Committee, Title = "t", Text = "x", IssuedAt = DateTimeOffset.UtcNow,
        };
        var share = new RouteShare { Route = city.Distributor(1, 1, 3), Carrier = carrier, RouteHomes = 2_000_000_000, From = 0, Count = 2_000_000_000 };

        var refusal = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            fixture.InsideAs(Actor.Unit(city.Group(1, 1)), grains => grains.GetGrain<IAgentGrain>(carrier).DeliverRoute(leaflet, share)));

        Assert.Contains("2,000,000,000 homes; a route has at most 1,000,000", refusal.Message);
        Assert.Null(await fixture.Deliveries.FindAsync(leaflet.Id, share.Route));
    }

    [Theory]
    [InlineData(501, 10, "the leaflet's title has 501 characters; at most 500")]
    [InlineData(5, 200_001, "the leaflet's text has 200,001 characters; at most 200,000")]
    public async Task A_leaflet_over_a_limit_is_refused_by_the_issuer_and_by_every_unit_below(int title, int text, string message)
    {
        var city = await AppliedCity();
        var draft = new LeafletDraft { Id = "l-" + Guid.NewGuid().ToString("N"), Title = new string('t', title), Text = new string('x', text) };
        var issued = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.As(null, () => Grains.GetGrain<ICommitteeGrain>(city.Committee).IssueLeaflet(draft)));
        Assert.Contains(message, issued.Message);

        var leaflet = new Leaflet { Id = draft.Id, Issuer = city.Committee, Scope = city.Committee, Title = draft.Title, Text = draft.Text, IssuedAt = DateTimeOffset.UtcNow };
        var received = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            fixture.InsideAs(Actor.Unit(city.Committee), grains => grains.GetGrain<IGroupGrain>(city.District(1)).ReceiveLeaflet(leaflet)));
        Assert.Contains(message, received.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public async Task List_calls_refuse_a_limit_outside_the_allowed_range(int limit)
    {
        var city = await AppliedCity();
        var committee = Grains.GetGrain<ICommitteeGrain>(city.Committee);

        var inbox = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.As(null, () => committee.GetInbox(limit)));
        var notices = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.As(null, () => committee.GetNotices(limit)));

        Assert.Contains("ask for 1 to 10,000", inbox.Message);
        Assert.Contains("ask for 1 to 10,000", notices.Message);
    }

    [Fact]
    public async Task A_plan_whose_children_form_a_cycle_is_refused_naming_the_unit_and_changes_nothing()
    {
        var city = await AppliedCity();
        var directory = Grains.GetGrain<IOrganizationGrain>(city.Spec.Name);
        var before = await Client.As(null, () => directory.Describe(null));
        var plan = PlanBuilder.Build(city.Spec);
        // The distribution group lists the district above it as its child: district → factory → group → district.
        var cyclic = plan with
        {
            Units = plan.Units.Select(u => u.Unit.Id == city.Group(1, 1)
                ? u with { Children = [.. u.Children, new ChildLink(new UnitRef(city.District(1), UnitKind.District), city.DistrictContact(1), Affiliation.Member)] }
                : u).ToList(),
        };

        var refusal = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.As(null, () => directory.Apply(cyclic)).WaitAsync(CallLimit));

        Assert.Contains($"unit '{city.Group(1, 1)}'", refusal.Message);
        Assert.Contains("nothing was applied", refusal.Message);
        var after = await Client.As(null, () => directory.Describe(null)).WaitAsync(CallLimit);
        Assert.Equal(before.Select(u => (u.Unit.Id, u.Parent, u.Contact)), after.Select(u => (u.Unit.Id, u.Parent, u.Contact)));
    }

    /// <summary>
    /// Property: a valid plan with random damage (an id with a space, a missing parent, a child listed twice, an
    /// impossible route, a member who is nobody) is applied or refused with <see cref="InvalidRequestException"/>, never
    /// anything else, in bounded time; a refused plan leaves the directory as it was.
    /// </summary>
    [Fact]
    public async Task Damaged_plans_are_refused_with_a_clear_error_and_leave_the_directory_unchanged()
    {
        var city = await AppliedCity();
        var directory = Grains.GetGrain<IOrganizationGrain>(city.Spec.Name);
        var plan = PlanBuilder.Build(city.Spec);
        var before = (await Client.As(null, () => directory.Describe(null))).Select(u => (u.Unit.Id, u.Parent, u.Contact)).ToList();
        var damage = Gen.Select(Gen.Int[0, 7], Gen.Int[0, plan.Units.Count - 1], Gen.Int[0, plan.Agents.Count - 1]);

        await damage.SampleAsync(async change =>
        {
            var (kind, u, a) = change;
            var units = plan.Units.ToList();
            var agents = plan.Agents.ToList();
            var unit = units[u];
            switch (kind)
            {
                case 0: units[u] = unit with { Unit = unit.Unit with { Id = unit.Unit.Id + " x" } }; break;
                case 1: units[u] = unit with { Parent = new UnitRef("nowhere", UnitKind.District) }; break;
                case 2:
                    units[u] = unit with
                    {
                        Children = unit.Children.Count > 0 ? [.. unit.Children, .. unit.Children] : [new ChildLink(units[0].Unit, "", Affiliation.Member)],
                    };
                    break;
                case 3: agents[a] = agents[a] with { Route = new RouteSpec([], 2_000_000_000) }; break;
                case 4: units[u] = unit with { Members = [.. unit.Members, "nobody"] }; break;
                case 5: units[u] = unit with { Parent = units[0].Unit.Kind.IsGroup() ? null : new UnitRef(unit.Unit.Id, unit.Unit.Kind) }; break;
                case 6: agents.Add(agents[a]); break;
                default: units.RemoveAt(u); break;
            }
            var damaged = plan with { Units = units, Agents = agents };
            await Assert.ThrowsAsync<InvalidRequestException>(() =>
                Client.As(null, () => directory.Apply(damaged)).WaitAsync(CallLimit));
            var after = (await Client.As(null, () => directory.Describe(null))).Select(x => (x.Unit.Id, x.Parent, x.Contact)).ToList();
            Assert.Equal(before, after);
        }, iter: 40, threads: 1);
    }
}
