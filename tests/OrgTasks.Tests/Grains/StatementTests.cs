using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Plan;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class StatementTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    private async Task<TestCity> AppliedCity()
    {
        var city = TestCity.Create();
        await Client.ApplyAsync(city.Spec);
        await Client.ConsentAsync(city.Committee); // a new committee sends nothing to the centre before that
        return city;
    }

    [Fact]
    public async Task Statement_from_deepest_agent_reaches_committee_inbox_once_with_full_route()
    {
        var city = await AppliedCity();
        var author = city.Distributor(2, 1, 3); // not the group's contact: its contact must carry it

        var id = await Client.SendStatementAsync(author, Addressee.Committee, "the Putilov works strike on Monday");
        var route = await Client.DeliveredAsync(id);

        Assert.Equal(author, route.Author);
        Assert.Equal(city.Committee, route.Where);
        Assert.Null(route.Breach);
        var expected = new (string Holder, HopRole Role)[]
        {
            (city.Group(2, 1), HopRole.Unit),
            (city.Distributor(2, 1, 1), HopRole.Contact),
            (city.Factory(2), HopRole.Unit),
            (city.FactoryContact(2), HopRole.Contact),
            (city.District(2), HopRole.Unit),
            (city.DistrictContact(2), HopRole.Contact),
            (city.Committee, HopRole.Inbox),
        };
        Assert.Equal(expected, route.Hops.Select(h => (h.Holder, h.Role)).ToArray());
        Assert.All(route.Hops.SkipLast(1), h => Assert.NotNull(h.PassedAt));
        Assert.Equal(city.FactoryContact(2), route.Hops[3].Contact);

        var inbox = await Client.GetInboxAsync(city.Committee);
        var entry = Assert.Single(inbox, e => e.Statement.Id == id);
        Assert.Equal("the Putilov works strike on Monday", entry.Statement.Text);
        Assert.Equal(city.District(2), entry.From);
    }

    [Fact]
    public async Task Statement_to_the_central_organ_goes_on_through_the_committees_contact()
    {
        var city = await AppliedCity();
        var id = await Client.SendStatementAsync(city.Distributor(1, 2, 2), Addressee.CentralOrgan, "correspondence for the paper");

        var route = await Client.DeliveredAsync(id);

        Assert.Equal(city.CentralOrgan, route.Where);
        Assert.Equal((city.Committee, HopRole.Unit), (route.Hops[^3].Holder, route.Hops[^3].Role));
        Assert.Equal((city.Secretary, HopRole.Contact), (route.Hops[^2].Holder, route.Hops[^2].Role));
        Assert.Single(await Client.GetInboxAsync(city.CentralOrgan), e => e.Statement.Id == id);
        Assert.DoesNotContain(await Client.GetInboxAsync(city.Committee), e => e.Statement.Id == id);
        Assert.DoesNotContain(await Client.GetInboxAsync(city.CentralCommittee), e => e.Statement.Id == id);
    }

    [Fact]
    public async Task Statement_to_the_central_committee_reaches_it()
    {
        var city = await AppliedCity();
        var id = await Client.SendStatementAsync(city.Secretary, Addressee.CentralCommittee, "request for a delegate");

        var route = await Client.DeliveredAsync(id);

        Assert.Equal(city.CentralCommittee, route.Where);
        Assert.Single(await Client.GetInboxAsync(city.CentralCommittee), e => e.Statement.Id == id);
    }

    [Fact]
    public async Task Non_contact_handing_statements_to_the_parent_is_refused()
    {
        var city = await AppliedCity();
        var impostor = city.Distributor(1, 1, 2); // the alternate, not the contact
        var statement = new Statement
        {
            Id = Ids.NewStatementId(), Author = impostor, To = Addressee.Committee, Text = "straight to the factory", WrittenAt = DateTimeOffset.UtcNow,
        };
        var from = new UnitRef(city.Group(1, 1), UnitKind.Distribution);

        // A client cannot make the call at all: handing statements on is done by the contact's grain.
        var fromClient = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.As(Actor.Agent(impostor),
            () => fixture.Cluster.Client.GetGrain<IGroupGrain>(city.Factory(1)).AcceptStatements(from, [statement])));
        Assert.Contains("silo-internal", fromClient.Message);
        // Inside the cluster, the unit itself refuses anyone but the appointed contact.
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(Actor.Agent(impostor),
            grains => grains.GetGrain<IGroupGrain>(city.Factory(1)).AcceptStatements(from, [statement])));

        Assert.Contains($"only its appointed contact '{city.Distributor(1, 1, 1)}' may", refused.Message);
        Assert.Contains(impostor, refused.Message);
        Assert.Empty(await Client.GetInboxAsync(city.Committee));
        await Assert.ThrowsAsync<NotFoundException>(() => Client.GetRouteAsync(statement.Id));
    }

    [Fact]
    public async Task Agent_handing_statements_to_a_group_it_is_not_in_is_refused()
    {
        var city = await AppliedCity();
        var outsider = city.Distributor(3, 1, 1);
        var statement = new Statement
        {
            Id = Ids.NewStatementId(), Author = outsider, To = Addressee.Committee, Text = "x", WrittenAt = DateTimeOffset.UtcNow,
        };
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(Actor.Agent(outsider),
            grains => grains.GetGrain<IGroupGrain>(city.Group(1, 1)).AcceptStatements(null, [statement])));

        Assert.Contains("is not a member", refused.Message);
    }

    [Fact]
    public async Task Sending_as_another_agent_is_refused()
    {
        var city = await AppliedCity();
        var victim = fixture.Cluster.Client.GetGrain<IAgentGrain>(city.Distributor(1, 1, 3));
        var draft = new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = "forged" };

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Client.As(Actor.Agent(city.Distributor(1, 1, 2)), () => victim.SendStatement(draft)));
    }

    [Fact]
    public async Task A_call_without_a_credential_is_refused_by_the_call_gate()
    {
        var city = await AppliedCity();
        var agent = fixture.Cluster.Client.GetGrain<IAgentGrain>(city.Distributor(1, 1, 3));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            agent.SendStatement(new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = "anonymous" }));

        Assert.Contains("without a valid credential", refused.Message);
    }

    [Fact]
    public async Task A_repeated_send_with_the_same_id_arrives_once()
    {
        var city = await AppliedCity();
        var author = city.Distributor(3, 2, 3);
        var agent = fixture.Cluster.Client.GetGrain<IAgentGrain>(author);
        var draft = new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = "said twice" };

        await Client.As(Actor.Agent(author), () => agent.SendStatement(draft));
        await Client.As(Actor.Agent(author), () => agent.SendStatement(draft));
        await Client.DeliveredAsync(draft.Id);
        await Client.As(Actor.Agent(author), () => agent.SendStatement(draft)); // after arrival too

        var inbox = await Client.GetInboxAsync(city.Committee);
        Assert.Single(inbox, e => e.Statement.Id == draft.Id);
        var route = await Client.GetRouteAsync(draft.Id);
        Assert.Equal(7, route.Hops.Count);
    }

    [Fact]
    public async Task Many_statements_from_every_agent_each_arrive_exactly_once()
    {
        var city = await AppliedCity();
        var authors = city.Spec.Agents.Select(a => a.Id).ToList();
        var sends = authors.SelectMany(a => Enumerable.Range(0, 5).Select(i => Client.SendStatementAsync(a, Addressee.Committee, $"report {i}")));

        var ids = await Task.WhenAll(sends);

        await Poll.UntilAsync(() => Client.GetInboxAsync(city.Committee, 10_000), inbox => inbox.Count >= ids.Length, what: "all statements in the inbox");
        var inbox = await Client.GetInboxAsync(city.Committee, 10_000);
        Assert.Equal(ids.Length, inbox.Count);
        Assert.Equal(ids.Order(), inbox.Select(e => e.Statement.Id).Order());
    }

    [Fact]
    public async Task Addressing_a_central_body_the_organization_lacks_is_refused()
    {
        var city = TestCity.Create();
        var spec = city.Spec;
        var withoutCentre = new OrgTasks.Organization.OrganizationSpec
        {
            Name = spec.Name, Committee = spec.Committee, Groups = spec.Groups, Agents = spec.Agents, Centre = null,
        };
        await Client.ApplyAsync(withoutCentre);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.SendStatementAsync(city.Secretary, Addressee.CentralOrgan, "to nobody"));

        Assert.Contains("Central Organ", refused.Message);
    }

    [Fact]
    public async Task A_statement_text_with_a_NUL_character_is_refused_before_any_hop_stores_it()
    {
        var city = await AppliedCity();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.SendStatementAsync(city.Distributor(1, 1, 1), Addressee.Committee, "bad\0text"));

        Assert.Contains("NUL", refused.Message);
        Assert.Empty(await Client.GetInboxAsync(city.Committee));
    }
}
