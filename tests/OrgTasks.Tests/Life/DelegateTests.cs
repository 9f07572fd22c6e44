using OrgTasks.Grains;
using OrgTasks.Life;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Identity;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Delegates are detailed only by the committee's officers or the Central Committee, only from the organization's members, and each detailing names who did it.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class DelegateTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    /// <summary>A central body acts as a unit only inside the cluster (no client can): detailing as it, as a grain would.</summary>
    private Task<LifeReport> DetailAsUnitAsync(LifeCity city, string agent, string unit, string actingUnit) =>
        fixture.InsideAs(Actor.Unit(actingUnit), grains => grains.GetGrain<IOrganizationGrain>(city.Spec.Name).DetailDelegate(agent, unit));

    [Fact]
    public async Task A_member_of_an_unaware_group_cannot_be_detailed_and_learns_nothing_of_the_organization()
    {
        var city = await Client.AppliedAsync(new LifeCity());

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.DetailDelegateAsync(city.A("s1"), city.Committee));
        Assert.Equal($"agent '{city.A("s1")}' may not be a delegate: it is a member of the unaware group '{city.Circle}', not of the organization", refused.Message);
        await Assert.ThrowsAsync<InvalidRequestException>(() => DetailAsUnitAsync(city, city.A("s1"), city.Strict, city.CentralCommittee));
        Assert.Empty((await Client.GetLifeAsync(city.Committee)).Delegates);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.GetCompositionAsync(city.Committee, Actor.Agent(city.A("s1"))));
    }

    [Fact]
    public async Task Only_the_committees_officers_or_the_central_committee_may_detail_a_delegate()
    {
        var city = await Client.AppliedAsync(new LifeCity());

        foreach (var outsider in new[] { Actor.Agent(city.A("c4")), Actor.Agent(city.A("d")) })
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.DetailDelegateAsync(city.A("d"), city.Strict, outsider));
            Assert.Contains("only the committee's officers or the Central Committee", refused.Message);
        }
        foreach (var unit in new[] { city.CentralOrgan, city.District })
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => DetailAsUnitAsync(city, city.A("d"), city.Strict, unit));
            Assert.Contains("only the committee's officers or the Central Committee", refused.Message);
        }
        await Client.ArrestAsync(city.A("agi"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.DetailDelegateAsync(city.A("d"), city.Strict, Actor.Agent(city.A("agi"))));
        Assert.Empty((await Client.GetLifeAsync(city.Committee)).Delegates);
    }

    [Fact]
    public async Task Each_detailing_records_who_did_it()
    {
        var city = await Client.AppliedAsync(new LifeCity());

        await Client.DetailDelegateAsync(city.A("d"), city.Strict, Actor.Agent(city.A("sec")));
        await DetailAsUnitAsync(city, city.A("f"), city.Open, city.CentralCommittee);
        await Client.DetailDelegateAsync(city.A("d"), city.Strict, Actor.Agent(city.A("prt"))); // already there: nothing recorded

        var details = (await Client.GetLifeAsync(city.Committee)).DelegateDetails;
        Assert.Equal(
            [(city.A("d"), city.Strict, $"agent:{city.A("sec")}"), (city.A("f"), city.Open, $"unit:{city.CentralCommittee}")],
            details.Select(d => (d.Agent, d.Unit, d.By)).ToArray());
        Assert.Equal(5, (await Client.GetCompositionAsync(city.Strict, Actor.Agent(city.A("d")))).Members.Count);
    }
}
