using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Propagandists work through the district groups: their material, approved by the committee, reaches the districts they name and those districts' distributors, with the same picture.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class PropagandaTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Approved_material_of_the_propagandists_reaches_every_home_of_the_districts_they_name_and_no_other()
    {
        var city = new PropagandaCity();
        await Client.ApplyAsync(city.Spec);

        var id = await Client.IssueLeafletAsync(city.Propaganda, "What is to be done?", "A study circle every Thursday", approvedBy: city.Committee);

        var status = await Client.CompleteAsync(id);
        Assert.Equal((city.Propaganda, city.Propaganda), (status.Issuer, status.Scope));
        Assert.Equal((2L * PropagandaCity.HomesPerRoute, 2L * PropagandaCity.HomesPerRoute, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        var district = Assert.Single(status.Districts);
        Assert.Equal((city.District(1), true), (district.Unit, district.Complete));
        Assert.Equal(city.District(1) + "/works", Assert.Single(status.Factories).Unit);
        var records = await fixture.Deliveries.LoadLeafletAsync(id);
        Assert.Equal(new[] { city.A("a1"), city.A("b1") }.Order(), records.Select(r => r.Route).Order());
    }

    [Fact]
    public async Task The_committees_secretary_who_approved_the_material_follows_its_distribution_and_a_distributor_may_not()
    {
        var city = new PropagandaCity();
        await Client.ApplyAsync(city.Spec);
        var secretary = new OrgTasksClient(fixture.Cluster.Client, TestIdentity.Agent(city.A("sec"), city.Spec.Name));

        var id = await secretary.IssueLeafletAsync(city.Propaganda, "Approved", "Read and pass on", approvedBy: city.Committee);

        Assert.Equal(2L * PropagandaCity.HomesPerRoute, (await secretary.CompleteAsync(id)).HomesReached);
        var distributor = new OrgTasksClient(fixture.Cluster.Client, TestIdentity.Agent(city.A("b1"), city.Spec.Name));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => distributor.GetLeafletStatusAsync(id));
        Assert.Contains($"or of '{city.Committee}', which approved it", refused.Message);
    }

    [Fact]
    public async Task The_propagandists_alone_may_not_send_material_through_the_districts()
    {
        var city = new PropagandaCity();
        await Client.ApplyAsync(city.Spec);

        // The propagandists' contact issues its own material: to the districts only with the committee's approval.
        var anna = OrgTasks.Identity.Actor.Agent(city.A("anna"));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.IssueLeafletAsync(city.Propaganda, "Unapproved", "Text", issuer: anna));
        Assert.Contains($"the committee '{city.Committee}' approves it", refused.Message);
        // Nor may the propagandists approve it themselves, nor name another unit as the approver, nor reach a district they do not name.
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.IssueLeafletAsync(city.Propaganda, "Unapproved", "Text", approvedBy: city.Committee, issuer: anna));
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.IssueLeafletAsync(city.Propaganda, "Unapproved", "Text", approvedBy: city.District(2)));
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.IssueLeafletAsync(city.Propaganda, "Elsewhere", "Text", scope: city.District(2), approvedBy: city.Committee));
    }

    [Fact]
    public async Task A_cut_off_group_under_a_named_district_holds_the_material_until_it_is_back()
    {
        var city = new PropagandaCity();
        await Client.ApplyAsync(city.Spec);
        await Client.ArrestAllAsync([city.A("a1"), city.A("b1")]);

        var id = await Client.IssueLeafletAsync(city.Propaganda, "Held", "Wait for it", approvedBy: city.Committee);
        var held = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Stragglers.Any(x => x.Reason is not null), what: "the cut-off group holding");
        Assert.Equal(city.Group(1), Assert.Single(held.Stragglers).Unit);

        await Client.ReleaseAsync(city.A("a1")); // the contact: the group is whole again, a1 carries b1's route too
        Assert.Equal(2L * PropagandaCity.HomesPerRoute, (await Client.CompleteAsync(id)).HomesReached);
    }
}
