using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Identity;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Need-to-know in the grains: secrecy degrees, delegates, and groups that must not know the organization.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class SecrecyTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task An_unaware_group_gets_its_leaflets_without_the_issuer_and_sees_nothing_of_the_organization()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var id = await Client.IssueLeafletAsync(city.Committee, "Self-education", "Read this together");
        Assert.Equal(LifeCity.Homes, (await Client.CompleteAsync(id)).HomesReached);

        var copy = await fixture.SiloService<OrgTasks.Grains.Durability.ILeafletJournal>().FindAsync(city.Circle, id);
        Assert.NotNull(copy);
        Assert.Equal(("", ""), (copy!.Leaflet.Issuer, copy.Leaflet.Scope));
        var member = await fixture.SiloService<OrgTasks.Grains.Durability.ILeafletJournal>().FindAsync(city.Strict, id);
        Assert.Equal(city.Committee, member!.Leaflet.Issuer);

        var seen = await Client.GetCompositionAsync(city.Circle, Actor.Agent(city.A("s1")));
        Assert.Equal(("", ""), (seen.Organization, seen.Parent));
        // Nothing but the group's own id (which the file's author chose) names anything of the organization.
        var shown = System.Text.Json.JsonSerializer.Serialize(seen with { Unit = "" });
        Assert.DoesNotContain(city.Spec.Name, shown);
        Assert.DoesNotContain(city.Committee, shown);
    }

    [Fact]
    public async Task Members_see_what_the_secrecy_degree_allows_and_a_delegate_sees_everything()
    {
        var city = await Client.AppliedAsync(new LifeCity());

        var strict = await Client.GetCompositionAsync(city.Strict, Actor.Agent(city.A("c4")));
        Assert.Equal([city.A("c1"), city.A("c4")], strict.Members.Order().ToArray());
        Assert.Empty(strict.Routes);
        Assert.Equal(5, strict.MemberCount);

        var open = await Client.GetCompositionAsync(city.Open, Actor.Agent(city.A("o2")));
        Assert.Equal([city.A("o1"), city.A("o2")], open.Members.Order().ToArray());
        Assert.Equal(LifeCity.HomesPerRoute, open.Routes[city.A("o1")]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.GetCompositionAsync(city.Open, Actor.Agent(city.A("c4"))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.GetCompositionAsync(city.Strict, Actor.Agent(city.A("d"))));

        await Client.DetailDelegateAsync(city.A("d"), city.Strict);
        var asDelegate = await Client.GetCompositionAsync(city.Strict, Actor.Agent(city.A("d")));
        Assert.Equal(5, asDelegate.Members.Count);
        Assert.Equal(4, asDelegate.Routes.Count);
        Assert.Contains(city.A("d"), (await Client.GetLifeAsync(city.Committee)).Delegates[city.Strict]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.GetCompositionAsync(city.Open, Actor.Agent(city.A("d"))));
    }
}
