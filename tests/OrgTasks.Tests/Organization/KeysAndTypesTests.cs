using System.Text.Json;
using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Unknown keys, values of the wrong type, enum spellings, defaults, and flow versus block style.</summary>
[Trait("Category", "Organization")]
public sealed class KeysAndTypesTests
{
    [Fact]
    public void UnknownKeyIsNamedWithAGuessAndTheAllowedKeys()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma, home: 3 }
            """;

        OrgAssert.SingleError(yaml, 8, "agents[0].home", "unknown key 'home'", "did you mean 'homes'?", "allowed keys: 'id', 'homes'");
    }

    [Fact]
    public void UnknownTopLevelKeyIsAnError()
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
            group:
              - { id: spb/a, kind: district, parent: spb, contact: jerjoma, members: [jerjoma] }
            """;

        OrgAssert.SingleError(yaml, 9, "group", "unknown key 'group'", "did you mean 'groups'?");
    }

    [Theory]
    [InlineData("-3", "'-3'")]
    [InlineData("4.5", "'4.5'")]
    [InlineData("\"40\"", "'40'")]
    [InlineData("lots", "'lots'")]
    [InlineData("{ count: 3 }", "a mapping")]
    public void HomesMustBeAListOfAddressesOrAWholeNumber(string homes, string found)
    {
        var yaml = $$"""
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - id: jerjoma
                homes: {{homes}}
            """;

        OrgAssert.SingleError(yaml, 9, "agents[0].homes", "must be a list of addresses", "a whole number of homes (0 or more)", $"found {found}");
    }

    [Fact]
    public void HomesCountAboveTheRouteLimitIsAnError()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma, homes: 1000001 }
            """;

        OrgAssert.SingleError(yaml, 8, "agents[0].homes", "'1000001' homes on one route", "1,000,000 allowed");
    }

    [Fact]
    public void HomeAddressMustBeText()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - id: jerjoma
                homes:
                  - Putilovsky 4
                  - [nested, list]
            """;

        OrgAssert.SingleError(yaml, 11, "agents[0].homes[1]", "expected an address; found a list");
    }

    [Fact]
    public void ExecutiveMustBeAList()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
              executive: jerjoma
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 7, "committee.executive", "must be a list", "found 'jerjoma'");
    }

    [Fact]
    public void IdMustBeTextNotAList()
    {
        const string yaml = """
            organization: test
            committee:
              id: [spb]
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 3, "committee.id", "expected text; found a list");
    }

    [Fact]
    public void GroupEntryMustBeAMapping()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - spb/narva
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 8, "groups[0]", "expected a group: a mapping", "'kind'", "found 'spb/narva'");
    }

    [Fact]
    public void GroupsMustBeAList()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              id: spb/narva
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 8, "groups", "must be a list of groups", "found a mapping");
    }

    [Theory]
    [InlineData("distric", "strict", "member", 9, "groups[0].kind", "'distric' is not a valid group kind", "district | propaganda | factory | distribution | reading | counter-espionage | trade-union | agitation | transport | printing | passport | students | military | meeting-places")]
    [InlineData("district", "loose", "member", 10, "groups[0].secrecy", "'loose' is not a valid degree of secrecy", "strict | discreet | open")]
    [InlineData("district", "strict", "friend", 11, "groups[0].affiliation", "'friend' is not a valid affiliation", "member | associated | unaware")]
    public void GroupEnumValueMustBeOneOfTheAllowedSpellings(string kind, string secrecy, string affiliation, int line, string field, string fragment, string allowed)
    {
        var yaml = $$"""
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - id: spb/narva
                kind: {{kind}}
                secrecy: {{secrecy}}
                affiliation: {{affiliation}}
                parent: spb
                contact: jerjoma
                members: [jerjoma]
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, line, field, fragment, $"allowed: {allowed}");
    }

    [Fact]
    public void CooptationMustBeMajorityOrTwoThirds()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              cooptation: unanimous
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 4, "committee.cooptation", "'unanimous' is not a valid cooptation rule", "allowed: majority | two-thirds");
    }

    [Fact]
    public void OmittedSecrecyAffiliationAndCooptationTakeTheirDefaults()
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
            agents:
              - { id: jerjoma }
            """;

        var organization = OrgAssert.Valid(yaml);

        var group = Assert.Single(organization.Groups);
        Assert.Equal(Secrecy.Discreet, group.Secrecy);
        Assert.Equal(Affiliation.Member, group.Affiliation);
        Assert.Empty(group.Alternates);
        Assert.Equal(Cooptation.TwoThirds, organization.Committee.Cooptation);
        Assert.Null(organization.Centre);
        Assert.Null(organization.Generate);
    }

    [Fact]
    public void EnumSpellingsIgnoreLetterCase()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              cooptation: Majority
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            groups:
              - { id: x, kind: Meeting-Places, parent: spb, secrecy: OPEN, affiliation: Unaware, contact: jerjoma, members: [jerjoma] }
            agents:
              - { id: jerjoma }
            """;

        var organization = OrgAssert.Valid(yaml);

        var group = Assert.Single(organization.Groups);
        Assert.Equal((GroupKind.MeetingPlaces, Secrecy.Open, Affiliation.Unaware), (group.Kind, group.Secrecy, group.Affiliation));
        Assert.Equal(Cooptation.Majority, organization.Committee.Cooptation);
    }

    [Fact]
    public void FlowAndBlockStylesLoadTheSameOrganization()
    {
        const string flow = """
            organization: test
            centre: { central-committee: cc, central-organ: co }
            committee: { id: spb, cooptation: majority, contact: jerjoma, members: [{ agent: jerjoma, function: secretary }, { agent: lyadov, function: printing }], executive: [jerjoma], candidates: [kostya] }
            groups:
              - { id: spb/narva, kind: district, parent: spb, secrecy: strict, affiliation: associated, contact: petya, alternates: [fedya], members: [petya, fedya] }
            agents: [{ id: jerjoma }, { id: lyadov }, { id: kostya }, { id: petya, homes: ["Putilovsky 4", "Narvskaya 12"] }, { id: fedya, homes: 40 }]
            """;
        const string block = """
            organization: test
            centre:
              central-committee: cc
              central-organ: co
            committee:
              id: spb
              cooptation: majority
              contact: jerjoma
              members:
                - agent: jerjoma
                  function: secretary
                - agent: lyadov
                  function: printing
              executive:
                - jerjoma
              candidates:
                - kostya
            groups:
              - id: spb/narva
                kind: district
                parent: spb
                secrecy: strict
                affiliation: associated
                contact: petya
                alternates:
                  - fedya
                members:
                  - petya
                  - fedya
            agents:
              - id: jerjoma
              - id: lyadov
              - id: kostya
              - id: petya
                homes:
                  - Putilovsky 4
                  - Narvskaya 12
              - id: fedya
                homes: 40
            """;

        var fromFlow = OrgAssert.Valid(flow);
        var fromBlock = OrgAssert.Valid(block);

        Assert.Equal(JsonSerializer.Serialize(fromFlow), JsonSerializer.Serialize(fromBlock));
        Assert.Equal(42, fromBlock.HomeCount);
        Assert.Equal(new[] { "jerjoma", "lyadov" }, fromBlock.Committee.Members.Select(member => member.Agent));
    }
}
