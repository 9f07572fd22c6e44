using OrgTasks.Client;
using OrgTasks.Plan;

namespace OrgTasks.Tests.Organization;

/// <summary>The plan cut from a file: which propaganda groups each district carries for, whatever order the file uses.</summary>
[Trait("Category", "Organization")]
public sealed class PlanBuilderTests
{
    private const string City = """
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          - { id: spb/workers, kind: propaganda, parent: spb, contact: olga, members: [olga], delivers-through: [spb/vyborg, spb/narva] }
          - { id: spb/narva, kind: district, parent: spb, contact: petya, members: [petya] }
          - { id: spb/vyborg, kind: district, parent: spb, contact: kolya, members: [kolya] }
          - { id: spb/propagandists, kind: propaganda, parent: spb, contact: anna, members: [anna], delivers-through: [spb/narva] }
        agents:
          - { id: jerjoma }
          - { id: petya }
          - { id: kolya }
          - { id: anna }
          - { id: olga }
        """;

    [Fact]
    public void Each_district_carries_for_the_propaganda_groups_that_name_it_in_the_file_order()
    {
        var plan = PlanBuilder.Build(OrgAssert.Valid(City));
        UnitConfig Unit(string id) => plan.Units.Single(u => u.Unit.Id == id);

        Assert.Equal(["spb/workers", "spb/propagandists"], Unit("spb/narva").CarriesFor.Select(u => u.Id));
        Assert.Equal(["spb/workers"], Unit("spb/vyborg").CarriesFor.Select(u => u.Id));
        Assert.All(Unit("spb/narva").CarriesFor, u => Assert.Equal(UnitKind.Propaganda, u.Kind));
        Assert.Empty(Unit("spb/workers").CarriesFor);
        Assert.Equal(["spb/vyborg", "spb/narva"], Unit("spb/workers").DeliversThrough.Select(c => c.Unit.Id));
    }
}
