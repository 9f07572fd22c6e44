using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>A group's parent, members, contact and alternates.</summary>
[Trait("Category", "Organization")]
public sealed class GroupRuleTests
{
    // Line 8 is the group under test; the parts in {{ }} vary per test.
    private static string WithGroup(string parent = "spb", string contact = "petya", string alternates = "[fedya]", string members = "[petya, fedya]") => $$"""
        organization: test
        centre: { central-committee: cc, central-organ: co }
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          - { id: spb/narva, kind: district, parent: {{parent}}, contact: {{contact}}, alternates: {{alternates}}, members: {{members}} }
        agents:
          - { id: jerjoma }
          - { id: petya }
          - { id: fedya }
        """;

    [Fact]
    public void Well_formed_group_is_valid()
    {
        var organization = OrgAssert.Valid(WithGroup());

        var group = Assert.Single(organization.Groups);
        Assert.Equal("petya", group.Contact);
        Assert.Equal(new[] { "fedya" }, group.Alternates);
        Assert.Equal(new[] { "petya", "fedya" }, group.Members);
    }

    [Fact]
    public void Parent_must_exist()
    {
        OrgAssert.SingleError(WithGroup(parent: "spp"), 9, "groups[0].parent", "parent 'spp' does not exist", "did you mean 'spb'?", "must be the committee 'spb' or another group");
    }

    [Fact]
    public void Central_body_cannot_be_a_parent()
    {
        OrgAssert.SingleError(WithGroup(parent: "cc"), 9, "groups[0].parent", "'cc' is the central committee, which cannot be a parent");
    }

    [Fact]
    public void Agent_cannot_be_a_parent()
    {
        OrgAssert.SingleError(WithGroup(parent: "jerjoma"), 9, "groups[0].parent", "'jerjoma' is an agent, not a unit");
    }

    [Fact]
    public void Member_must_be_declared_under_agents()
    {
        OrgAssert.SingleError(
            WithGroup(members: "[petya, fedya, grisha]"),
            9,
            "groups[0].members[2]",
            "'grisha' is a member of group 'spb/narva' but is not declared under agents");
    }

    [Fact]
    public void Contact_must_be_among_the_members()
    {
        OrgAssert.SingleError(WithGroup(contact: "jerjoma"), 9, "groups[0].contact", "'jerjoma' is not among the members of group 'spb/narva'");
    }

    [Fact]
    public void Alternate_must_be_among_the_members()
    {
        OrgAssert.SingleError(WithGroup(alternates: "[fedya, jerjoma]"), 9, "groups[0].alternates[1]", "alternate 'jerjoma' is not among the members of group 'spb/narva'");
    }

    [Fact]
    public void Contact_is_not_repeated_among_the_alternates()
    {
        OrgAssert.SingleError(WithGroup(alternates: "[fedya, petya]"), 9, "groups[0].alternates[1]", "'petya' is the contact of group 'spb/narva' and cannot also be its alternate");
    }

    [Fact]
    public void Member_is_listed_only_once()
    {
        OrgAssert.SingleError(WithGroup(members: "[petya, fedya, petya]"), 9, "groups[0].members[2]", "'petya' appears more than once in the members of group 'spb/narva'", "twice on line 9");
    }

    [Fact]
    public void Alternate_is_listed_only_once_and_reported_once()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - id: spb/narva
                kind: district
                parent: spb
                contact: jerjoma
                alternates:
                  - petya
                  - petya
                members: [jerjoma, petya]
            agents:
              - { id: jerjoma }
              - { id: petya }
            """;

        OrgAssert.SingleError(yaml, 14, "groups[0].alternates[1]", "'petya' appears more than once in the alternates", "lines 13 and 14");
    }

    [Fact]
    public void Agent_may_belong_to_several_units()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - { id: spb/narva, kind: district, parent: spb, contact: jerjoma, members: [jerjoma, petya] }
              - { id: spb/printing, kind: printing, parent: spb, contact: petya, alternates: [jerjoma], members: [petya, jerjoma] }
            agents:
              - { id: jerjoma }
              - { id: petya }
            """;

        var organization = OrgAssert.Valid(yaml);

        Assert.Equal(2, organization.Groups.Count(group => group.Members.Contains("jerjoma")));
    }
}
