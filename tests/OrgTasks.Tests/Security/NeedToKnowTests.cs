using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;

namespace OrgTasks.Tests.Security;

/// <summary>
/// The need-to-know matrix of the README, cell by cell, through the client library with agents' own credentials:
/// what each holder reads and does, and what it is refused.
/// </summary>
[Trait("Category", "Security")]
[Collection(ClusterCollection.Name)]
public sealed class NeedToKnowTests(ClusterFixture fixture)
{
    private OrgTasksClient Operator => fixture.Client;

    private OrgTasksClient As(LifeCity city, string agent) =>
        new(fixture.Cluster.Client, TestIdentity.Agent(city.A(agent), city.Spec.Name));

    [Fact]
    public async Task An_agent_reads_its_own_configuration_and_route_without_the_organizations_name_and_nobody_elses()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c1 = As(city, "c1");

        var own = await c1.As(null, () => c1.Grains.GetGrain<IAgentGrain>(city.A("c1")).GetConfig());
        Assert.NotNull(own);
        Assert.Equal(3, own!.Route.HomeCount);
        Assert.Equal("", own.Organization);
        await Assert.ThrowsAsync<AccessDeniedException>(() => c1.As(null, () => c1.Grains.GetGrain<IAgentGrain>(city.A("c2")).GetConfig()));
    }

    [Fact]
    public async Task An_agent_follows_the_route_of_its_own_statements_only()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c3 = As(city, "c3");
        var mine = await c3.SendStatementAsync(city.A("c3"), Addressee.Committee, "mine");
        var theirs = await As(city, "c4").SendStatementAsync(city.A("c4"), Addressee.Committee, "theirs");

        Assert.Equal(city.A("c3"), (await c3.GetRouteAsync(mine)).Author);
        // Not "refused": whether another's statement exists is not the agent's to learn either.
        await Assert.ThrowsAsync<NotFoundException>(() => c3.GetRouteAsync(theirs));
    }

    [Fact]
    public async Task An_agent_sends_only_as_itself_and_its_credential_cannot_act_as_another()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c3 = As(city, "c3");
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => c3.SendStatementAsync(city.A("c4"), Addressee.Committee, "forged"));
        Assert.Contains($"agent:{city.A("c3")} may not act as agent '{city.A("c4")}'", refused.Message);
        Assert.Empty(await Operator.GetInboxAsync(city.Committee));
    }

    [Fact]
    public async Task A_contact_sees_what_it_holds_and_no_other_agent_does()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c1 = As(city, "c1");
        Assert.NotNull(await c1.As(null, () => c1.Grains.GetGrain<IAgentGrain>(city.A("c1")).GetHeld()));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            As(city, "c4").As(null, () => c1.Grains.GetGrain<IAgentGrain>(city.A("c1")).GetHeld()));
    }

    [Fact]
    public async Task A_member_sees_its_group_as_the_secrecy_degree_allows_and_a_delegate_sees_where_it_is_detailed()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var strict = await As(city, "c4").GetCompositionAsync(city.Strict);
        Assert.Equal([city.A("c1"), city.A("c4")], strict.Members.Order().ToArray());
        Assert.Empty(strict.Routes);
        // Another group of the same factory: not found at all (its id is not the member's to confirm), and refused when asked directly.
        await Assert.ThrowsAsync<NotFoundException>(() => As(city, "c4").GetCompositionAsync(city.Open));
        var c4 = As(city, "c4");
        await Assert.ThrowsAsync<AccessDeniedException>(() => c4.As(null, () => c4.Grains.GetGrain<IGroupGrain>(city.Open).GetComposition()));

        await As(city, "sec").DetailDelegateAsync(city.A("d"), city.Strict);
        Assert.Equal(5, (await As(city, "d").GetCompositionAsync(city.Strict)).Members.Count);
        Assert.Contains($"agent:{city.A("sec")}", (await Operator.ReadAuditAsync(new() { Actor = city.A("sec") })).Select(e => e.Actor));
    }

    [Fact]
    public async Task A_committee_member_reads_the_committees_configuration_and_no_agent_reads_any_other_units()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var printer = As(city, "prt");

        var committee = await printer.GetUnitConfigAsync(city.Committee);
        Assert.Equal(city.Committee, committee.Unit.Id);
        Assert.Contains(city.A("sec"), committee.Members);

        await Assert.ThrowsAsync<AccessDeniedException>(() => printer.GetUnitConfigAsync(city.Strict));
        var c1 = As(city, "c1");
        await Assert.ThrowsAsync<AccessDeniedException>(() => c1.As(null, () => c1.Grains.GetGrain<ICommitteeGrain>(city.Committee).GetConfig()));
        // An unaware group's member would learn the organization and the unit above from its own group's configuration.
        var s1 = As(city, "s1");
        await Assert.ThrowsAsync<AccessDeniedException>(() => s1.As(null, () => s1.Grains.GetGrain<IGroupGrain>(city.Circle).GetConfig()));
    }

    [Fact]
    public async Task The_committees_officers_see_its_tree_and_inbox_and_a_member_of_a_group_does_not()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        await As(city, "c3").SendStatementAsync(city.A("c3"), Addressee.Committee, "to the committee");

        Assert.Contains((await As(city, "sec").DescribeAsync(city.Committee)), u => u.Unit.Id == city.Strict);
        await Poll.UntilAsync(() => As(city, "sec").GetInboxAsync(city.Committee), i => i.Count == 1, what: "the statement in the inbox");

        var c4 = As(city, "c4");
        // A group's member does not even find the committee: its place in the tree is not the member's to learn.
        await Assert.ThrowsAsync<NotFoundException>(() => c4.DescribeAsync(city.Committee));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            c4.As(null, () => c4.Grains.GetGrain<ICommitteeGrain>(city.Committee).GetInbox(10)));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            c4.As(null, () => c4.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).Describe(null)));
    }

    [Fact]
    public async Task Only_the_operator_applies_files_and_installs_keys_even_against_the_secretary()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var sec = As(city, "sec");
        await Assert.ThrowsAsync<AccessDeniedException>(() => sec.ApplyAsync(city.Spec));
        using var centre = System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            sec.As(null, () => sec.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).InstallCentreKey(centre.ExportSubjectPublicKeyInfo())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sec.ArrestAsync(city.A("c5")));
    }

    [Fact]
    public async Task The_secretary_warns_and_clears_through_the_client_library_with_its_own_credential()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var sec = As(city, "sec");
        await sec.WarnAsync(city.A("c5"), "seen with the police");
        Assert.Equal([city.A("c5")], (await sec.GetLifeAsync(city.Committee)).Suspended.ToArray());
        await sec.ClearAsync(city.A("c5"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(city, "c4").WarnAsync(city.A("c5"), "a member of a group may not"));
    }

    [Fact]
    public async Task A_member_votes_only_as_itself()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var prt = As(city, "prt");
        var proposal = await prt.As(null, () => prt.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).Propose(city.A("cand1"), "transport", false));

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            prt.As(null, () => prt.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).Vote(proposal.Id, city.A("sec"), true)));
        var voted = await prt.As(null, () => prt.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).Vote(proposal.Id, city.A("prt"), true));
        Assert.Equal([city.A("prt")], voted.Votes.Keys.ToArray());
    }

    [Fact]
    public async Task An_unaware_group_never_learns_the_organization_or_the_unit_above()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var s1 = As(city, "s1");

        var found = await s1.FindUnitAsync(city.Circle);
        Assert.Equal("", found.Organization);
        var seen = await s1.GetCompositionAsync(city.Circle);
        Assert.Equal(("", ""), (seen.Organization, seen.Parent));
        Assert.Equal("", (await s1.As(null, () => s1.Grains.GetGrain<IAgentGrain>(city.A("s1")).GetConfig()))!.Organization);
        await Assert.ThrowsAsync<NotFoundException>(() => s1.FindUnitAsync(city.District));
        await Assert.ThrowsAsync<NotFoundException>(() => s1.FindUnitAsync(city.Committee));
    }

    [Fact]
    public async Task An_agent_outside_the_committee_is_refused_the_organizations_acts_by_a_line_naming_neither_it_nor_the_units_above()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        foreach (var (agent, unit) in new[] { ("c4", city.Strict), ("s1", city.Circle) })
        {
            var client = As(city, agent);
            foreach (var call in new Func<Task>[]
                     {
                         () => client.DetailDelegateAsync(city.A("c5"), unit), () => client.GetLifeAsync(unit),
                         () => client.DescribeAsync(unit), () => client.GetPictureAsync(unit),
                     })
            {
                var refused = await Assert.ThrowsAsync<AccessDeniedException>(call);
                var beyondItsOwnUnit = refused.Message.Replace($"'{unit}'", "", StringComparison.Ordinal); // an id it knows
                Assert.DoesNotContain(city.Spec.Name, beyondItsOwnUnit, StringComparison.Ordinal);
                Assert.DoesNotContain(city.Committee, beyondItsOwnUnit, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_committee_member_without_a_unit_named_acts_on_its_own_organization_and_another_agent_is_told_to_name_one()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var member = As(city, "prt");
        Assert.Equal([KeyValuePair.Create(city.Spec.Name, city.Committee)], await member.ListOrganizationsAsync());
        Assert.Equal(city.Committee, Assert.Single(await member.GetPictureAsync()).Root);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => As(city, "c4").ListOrganizationsAsync());
        Assert.Contains("name a unit", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arrested_agents_credential_is_refused_and_a_release_restores_it()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        var c4 = As(city, "c4");
        await Operator.ArrestAsync(city.A("c4"));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => c4.GetCompositionAsync(city.Strict));
        Assert.Contains("arrested", refused.Message);

        await Operator.ReleaseAsync(city.A("c4"));
        Assert.Equal(city.Strict, (await c4.GetCompositionAsync(city.Strict)).Unit);
    }

    [Fact]
    public async Task The_operator_acting_as_an_agent_is_bound_by_the_agents_rights_and_named_in_the_audit_trail()
    {
        var city = await Operator.AppliedAsync(new LifeCity());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Operator.GetCompositionAsync(city.Open, Actor.Agent(city.A("c4"))));
        await Operator.As(Actor.Agent(city.A("sec")), () => Operator.Grains.GetGrain<IOrganizationGrain>(city.Spec.Name).Warn(city.A("c5"), "tested"));

        var lines = await Operator.ReadAuditAsync(new() { Actor = city.A("sec") });
        Assert.Contains(lines, l => l.Actor == $"operator:test as agent:{city.A("sec")}" && l.Target == city.A("c5"));

        // Statements written in an agent's name: counted with the operator and the agent, never with their text.
        for (var i = 0; i < 2; i++) await Operator.SendStatementAsync(city.A("c4"), Addressee.Committee, "written by the operator");
        var sent = (await Operator.ReadAuditAsync(new() { Actor = city.A("c4") })).Where(l => l.Action == "statement.send").ToList();
        Assert.All(sent, l => Assert.Equal(($"operator:test as agent:{city.A("c4")}", city.A("c4"), OrgTasks.Audit.AuditOutcome.Done), (l.Actor, l.Target, l.Outcome)));
        Assert.Equal(2, sent.Sum(l => l.Count));
        Assert.DoesNotContain(sent, l => l.Reason.Contains("written by", StringComparison.Ordinal));
    }
}
