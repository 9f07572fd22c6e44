using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>The groups form one tree under the committee.</summary>
[Trait("Category", "Organization")]
public sealed class TreeRuleTests
{
    [Fact]
    public void Cycle_is_reported_once_listing_its_groups()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: a
              members:
                - { agent: a, function: secretary }
            groups:
              - { id: spb/x, kind: district, parent: spb/z, contact: a, members: [a] }
              - { id: spb/y, kind: factory, parent: spb/x, contact: a, members: [a] }
              - { id: spb/z, kind: distribution, parent: spb/y, contact: a, members: [a] }
              - { id: spb/below, kind: reading, parent: spb/z, contact: a, members: [a] }
            agents:
              - { id: a }
            """;

        OrgAssert.SingleError(yaml, 8, "groups[0].parent", "the group tree has a cycle: spb/x → spb/z → spb/y → spb/x", "lead up to the committee 'spb'");
    }

    [Fact]
    public void Group_that_is_its_own_parent_is_a_cycle()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: a
              members:
                - { agent: a, function: secretary }
            groups:
              - { id: spb/x, kind: district, parent: spb, contact: a, members: [a] }
              - { id: spb/y, kind: factory, parent: spb/y, contact: a, members: [a] }
            agents:
              - { id: a }
            """;

        OrgAssert.SingleError(yaml, 9, "groups[1].parent", "cycle: spb/y → spb/y");
    }

    [Fact]
    public void Deep_tree_declared_children_first_is_valid()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: a
              members:
                - { agent: a, function: secretary }
            groups:
              - { id: spb/d/f/g, kind: distribution, parent: spb/d/f, contact: a, members: [a] }
              - { id: spb/d/f, kind: factory, parent: spb/d, contact: a, members: [a] }
              - { id: spb/d, kind: district, parent: spb, contact: a, members: [a] }
            agents:
              - { id: a }
            """;

        var organization = OrgAssert.Valid(yaml);

        Assert.Equal(4, organization.UnitCount);
    }
}
