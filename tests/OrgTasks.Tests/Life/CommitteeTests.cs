using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains.Organization;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>The committee: candidates step in, co-optation by vote, the executive's limit, the centre's consent.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class CommitteeTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Arresting_an_executive_member_brings_in_the_next_candidate_with_the_function()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var report = await Client.ArrestAsync(city.A("prt"));

        Assert.Contains($"{city.Committee}: candidate {city.A("cand1")} takes the seat of {city.A("prt")} in the executive", report.Changes);
        var committee = (await Client.UnitAsync(city.Committee)).Config;
        Assert.Equal([city.A("sec"), city.A("cand1")], committee.Executive.ToArray());
        Assert.Equal("printing", committee.Functions[city.A("cand1")]);
        Assert.Equal([city.A("cand2")], committee.Candidates.ToArray());
    }

    [Fact]
    public async Task Arresting_the_whole_committee_hands_it_to_its_candidates_and_the_organization_keeps_working()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        foreach (var m in new[] { "sec", "prt", "trn", "agi" }) await Client.ArrestAsync(city.A(m));

        var committee = (await Client.UnitAsync(city.Committee)).Config;
        Assert.Equal(city.A("cand1"), committee.Contact);
        Assert.Equal([city.A("cand1"), city.A("cand2")], committee.Executive.ToArray());

        // Statements still reach the committee and, through the new contact, the Central Committee.
        var local = await Client.SendStatementAsync(city.A("c4"), Addressee.Committee, "to the new committee");
        var higher = await Client.SendStatementAsync(city.A("c5"), Addressee.CentralCommittee, "to the centre");
        Assert.Equal(city.Committee, (await Client.DeliveredAsync(local)).Where);
        var route = await Client.DeliveredAsync(higher);
        Assert.Equal(city.CentralCommittee, route.Where);
        Assert.Contains(route.Hops, h => h.Holder == city.A("cand1"));
        var leaflet = await Client.IssueLeafletAsync(city.Committee, "We are here", "Nothing has stopped");
        Assert.Equal(LifeCity.Homes, (await Client.CompleteAsync(leaflet)).HomesReached);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 2, 2)]
    [InlineData(4, 3, 3)]
    [InlineData(5, 3, 4)]
    [InlineData(6, 4, 4)]
    [InlineData(7, 4, 5)]
    [InlineData(9, 5, 6)]
    public void Thresholds_are_more_than_half_or_at_least_two_thirds(int voters, int majority, int twoThirds)
    {
        Assert.Equal(majority, OrganizationGrain.Threshold("majority", voters));
        Assert.Equal(twoThirds, OrganizationGrain.Threshold("two-thirds", voters));
    }

    [Theory]
    [InlineData("majority", 3)]
    [InlineData("two-thirds", 4)]
    public async Task Co_optation_takes_effect_exactly_at_the_threshold(string cooptation, int needed)
    {
        var city = await Client.AppliedAsync(new LifeCity(cooptation));
        // First a fifth member (four voters need three yes votes either way), so that the two rules differ.
        var first = await Client.ProposeAsync(city.Committee, city.A("d"), "district organizer");
        foreach (var m in new[] { "sec", "prt", "trn" }) first = await Client.VoteAsync(city.Committee, first.Id, city.A(m), yes: true);
        Assert.Equal(ProposalOutcome.Accepted, first.Outcome);

        var proposal = await Client.ProposeAsync(city.Committee, city.A("f"), "finance");
        Assert.Equal((5, needed), (proposal.Voters, proposal.Needed));
        var voters = new[] { "sec", "prt", "trn", "agi", "d" };
        for (var i = 0; i < needed - 1; i++) proposal = await Client.VoteAsync(city.Committee, proposal.Id, city.A(voters[i]), yes: true);
        Assert.Equal(ProposalOutcome.Open, proposal.Outcome);
        Assert.DoesNotContain(city.A("f"), (await Client.UnitAsync(city.Committee)).Config.Members);

        proposal = await Client.VoteAsync(city.Committee, proposal.Id, city.A(voters[needed - 1]), yes: true);
        Assert.Equal(ProposalOutcome.Accepted, proposal.Outcome);
        var committee = (await Client.UnitAsync(city.Committee)).Config;
        Assert.Contains(city.A("f"), committee.Members);
        Assert.Equal("finance", committee.Functions[city.A("f")]);
    }

    [Fact]
    public async Task A_member_votes_once_outsiders_do_not_vote_and_enough_noes_reject()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var proposal = await Client.ProposeAsync(city.Committee, city.A("d"), "district organizer");
        Assert.Equal((4, 3), (proposal.Voters, proposal.Needed));

        proposal = await Client.VoteAsync(city.Committee, proposal.Id, city.A("sec"), yes: false);
        var twice = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.VoteAsync(city.Committee, proposal.Id, city.A("sec"), yes: true));
        Assert.Contains("already voted", twice.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.VoteAsync(city.Committee, proposal.Id, city.A("c4"), yes: true));
        Assert.Equal(ProposalOutcome.Open, proposal.Outcome);

        proposal = await Client.VoteAsync(city.Committee, proposal.Id, city.A("prt"), yes: false);
        Assert.Equal(ProposalOutcome.Rejected, proposal.Outcome); // two noes of four: three yes can no longer be had
        Assert.DoesNotContain(city.A("d"), (await Client.UnitAsync(city.Committee)).Config.Members);
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.VoteAsync(city.Committee, proposal.Id, city.A("trn"), yes: true));
    }

    [Fact]
    public async Task An_executive_of_six_is_refused()
    {
        var city = await Client.AppliedAsync(new LifeCity(cooptation: "majority", executive: 4));
        async Task Accept(Proposal p)
        {
            foreach (var m in new[] { "sec", "prt", "trn" }) p = await Client.VoteAsync(city.Committee, p.Id, city.A(m), yes: true);
            Assert.Equal(ProposalOutcome.Accepted, p.Outcome);
        }
        await Accept(await Client.ProposeAsync(city.Committee, city.A("d"), "district organizer"));
        await Accept(await Client.ProposeAsync(city.Committee, city.A("d"), "", executive: true));
        Assert.Equal(5, (await Client.UnitAsync(city.Committee)).Config.Executive.Count);

        await Accept(await Client.ProposeAsync(city.Committee, city.A("f"), "finance"));
        var sixth = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.ProposeAsync(city.Committee, city.A("f"), "", executive: true));
        Assert.Contains("at most 5", sixth.Message);
        Assert.Equal(5, (await Client.UnitAsync(city.Committee)).Config.Executive.Count);
    }

    [Fact]
    public async Task Associated_and_unaware_groups_are_not_members_and_cannot_be_co_opted()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.ProposeAsync(city.Committee, city.A("s1"), "students"));
        Assert.Contains("not members of the organization", refused.Message);
    }

    [Fact]
    public async Task A_new_committee_sends_nothing_to_the_centre_until_the_central_committee_consents()
    {
        var city = await Client.AppliedAsync(new LifeCity(), consent: false);
        Assert.False((await Client.GetLifeAsync(city.Committee)).Consented);
        var id = await Client.SendStatementAsync(city.A("c4"), Addressee.CentralOrgan, "for the paper");
        await Poll.UntilAsync(() => Client.GetRouteAsync(id), r => r.Where == city.Committee, what: "held at the committee");
        var local = await Client.SendStatementAsync(city.A("c5"), Addressee.Committee, "for the committee");
        await Client.DeliveredAsync(local); // the committee itself works

        var still = await Client.GetRouteAsync(id);
        Assert.False(still.Delivered);
        Assert.Equal(city.Committee, still.Where);

        await Client.ConsentAsync(city.Committee);
        Assert.Equal(city.CentralOrgan, (await Client.DeliveredAsync(id)).Where);
        Assert.True((await Client.GetLifeAsync(city.Committee)).Consented);
    }
}
