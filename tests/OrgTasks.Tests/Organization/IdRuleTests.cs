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
    public void IdWithSpaceOrOtherPunctuationIsRejected(string id)
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
    public void IdsMayUseLettersOfAnyScriptDigitsAndTheAllowedPunctuation()
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
    public void EmptyIdIsRejected()
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
    public void OrganizationNameFollowsTheIdRules()
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
    public void DuplicateUnitIdNamesBothLines()
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
    public void GroupWithTheCommitteeIdIsADuplicateUnitId()
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
    public void CentralBodiesShareTheUnitNamespace()
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
    public void DuplicateAgentIdNamesBothLines()
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
    public void AgentIdEqualToAUnitIdNamesBothLines()
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
