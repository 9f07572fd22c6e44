using Orleans;
using Orleans.Runtime;
using OrgTasks.Grains;
using OrgTasks.Plan;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// <see cref="GrainKeys.GetByKey{T}"/> skips Orleans' per-call type lookup: the reference it makes must be the one
/// <c>GetGrain</c> makes, on the first call (which learns the types) and on every later one, for every unit kind.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class GrainKeysTests(ClusterFixture fixture)
{
    [Fact]
    public void A_reference_by_key_is_the_one_GetGrain_makes_on_the_first_call_and_after()
    {
        var factory = fixture.Cluster.Client;
        foreach (var key in new[] { "city-d01-g1-a01", "another-agent", "x" })
            Assert.Equal(Identity(factory.GetGrain<IAgentGrain>(key)), Identity(factory.GetByKey<IAgentGrain>(key)));

        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            foreach (var key in new[] { "city", "city/d01", "city/d01/f02" })
            {
                var unit = new UnitRef(key, kind);
                IUnitGrain expected = kind switch
                {
                    UnitKind.Committee => factory.GetGrain<ICommitteeGrain>(key),
                    UnitKind.CentralCommittee => factory.GetGrain<ICentralCommitteeGrain>(key),
                    UnitKind.CentralOrgan => factory.GetGrain<ICentralOrganGrain>(key),
                    _ => factory.GetGrain<IGroupGrain>(key),
                };
                Assert.Equal(Identity(expected), Identity(factory.GetUnit(unit)));
            }
        }
    }

    [Fact]
    public void An_empty_key_is_refused_as_GetGrain_refuses_it()
    {
        var factory = fixture.Cluster.Client;
        factory.GetByKey<IAgentGrain>("warm"); // the types are known from here on
        Assert.ThrowsAny<ArgumentException>(() => factory.GetByKey<IAgentGrain>(" "));
    }

    private static (GrainId Grain, GrainInterfaceType Interface) Identity(object reference) =>
        (((GrainReference)reference).GrainId, ((GrainReference)reference).InterfaceType);
}
