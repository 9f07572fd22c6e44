using System.Text.Json;
using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Unknown keys, values of the wrong type, enum spellings, defaults, and flow versus block style.</summary>
[Trait("Category", "Organization")]
public sealed class KeysAndTypesTests
{
    [Fact]
    public void Unknown_key_is_named_with_a_guess_and_the_allowed_keys()
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
    public void Unknown_top_level_key_is_an_error()
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
    public void Homes_must_be_a_list_of_addresses_or_a_whole_number(string homes, string found)
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
    public void Homes_count_above_the_route_limit_is_an_error()
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
    public void Home_address_must_be_text()
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
    public void Executive_must_be_a_list()
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
    public void Id_must_be_text_not_a_list()
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
    public void Group_entry_must_be_a_mapping()
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
    public void Groups_must_be_a_list()
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
    public void Group_enum_value_must_be_one_of_the_allowed_spellings(string kind, string secrecy, string affiliation, int line, string field, string fragment, string allowed)
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
    public void Cooptation_must_be_majority_or_two_thirds()
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
    public void Omitted_secrecy_affiliation_and_cooptation_take_their_defaults()
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
    public void Enum_spellings_ignore_letter_case()
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
    public void Flow_and_block_styles_load_the_same_organization()
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
