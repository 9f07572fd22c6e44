using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Ids are well formed and unique across units and agents together.</summary>
[Trait("Category", "Organization")]
public sealed class IdRuleTests
{
    [Theory]
    [InlineData("petya ivanov")]
    [InlineData("petya+1")]
    [InlineData("petya,fedya")]
    public void Id_with_space_or_other_punctuation_is_rejected(string id)
    {
        var yaml = $$"""
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
              - id: "{{id}}"
            """;

        OrgAssert.SingleError(yaml, 9, "agents[1].id", $"'{id}' is not a valid id", "letters, digits and '.', '_', '-', '/', ':'");
    }

    [Fact]
    public void Ids_may_use_letters_of_any_script_digits_and_the_allowed_punctuation()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: ерёма
              members:
                - { agent: ерёма, function: secretary }
            groups:
              - { id: spb/narva_1.a:b-c, kind: district, parent: spb, contact: ерёма, members: [ерёма] }
            agents:
              - { id: ерёма }
            """;

        var organization = OrgAssert.Valid(yaml);

        Assert.Equal("spb/narva_1.a:b-c", Assert.Single(organization.Groups).Id);
    }

    [Fact]
    public void Empty_id_is_rejected()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
              - { id: "" }
            """;

        OrgAssert.SingleError(yaml, 9, "agents[1].id", "must not be empty");
    }

    [Fact]
    public void Organization_name_follows_the_id_rules()
    {
        const string yaml = """
            organization: St Petersburg
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 1, "organization", "'St Petersburg' is not a valid name");
    }

    [Fact]
    public void Duplicate_unit_id_names_both_lines()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - { id: spb/narva, kind: district, parent: spb, contact: jerjoma, members: [jerjoma] }
              - { id: spb/narva, kind: factory, parent: spb, contact: jerjoma, members: [jerjoma] }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 9, "groups[1].id", "duplicate unit id 'spb/narva'", "the group at line 8", "the group at line 9");
    }

    [Fact]
    public void Group_with_the_committee_id_is_a_duplicate_unit_id()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - { id: spb, kind: district, parent: spb, contact: jerjoma, members: [jerjoma] }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 8, "groups[0].id", "duplicate unit id 'spb'", "the committee at line 3", "the group at line 8");
    }

    [Fact]
    public void Central_bodies_share_the_unit_namespace()
    {
        const string yaml = """
            organization: test
            centre:
              central-committee: cc
              central-organ: cc
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 4, "centre.central-organ", "duplicate unit id 'cc'", "central committee at line 3", "central organ at line 4");
    }

    [Fact]
    public void Duplicate_agent_id_names_both_lines()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
              - { id: jerjoma, homes: 3 }
            """;

        OrgAssert.SingleError(yaml, 9, "agents[1].id", "duplicate agent id 'jerjoma'", "line 8", "line 9", "exactly once");
    }

    [Fact]
    public void Agent_id_equal_to_a_unit_id_names_both_lines()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - { id: narva, kind: district, parent: spb, contact: jerjoma, members: [jerjoma] }
            agents:
              - { id: jerjoma }
              - { id: narva }
            """;

        OrgAssert.SingleError(yaml, 11, "agents[1].id", "'narva' is both the id of the agent at line 11 and of the group at line 8", "must differ from every unit id");
    }
}
