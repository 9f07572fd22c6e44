using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>One load lists every fault, in line order, rather than stopping at the first.</summary>
[Trait("Category", "Organization")]
public sealed class AllErrorsTests
{
    [Fact]
    public void Three_different_faults_give_three_errors_in_line_order()
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
                kind: distrct
                parent: spb
                contact: petya
                members: [petya, grisha]
            agents:
              - { id: jerjoma }
              - { id: petya, homes: -1 }
            """;

        var result = OrgAssert.Parse(yaml);

        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(new[] { 9, 12, 15 }, result.Errors.Select(error => error.Line));
        OrgAssert.HasError(result, 9, "groups[0].kind", "'distrct' is not a valid group kind");
        OrgAssert.HasError(result, 12, "groups[0].members[1]", "'grisha' is a member of group 'spb/narva' but is not declared under agents");
        OrgAssert.HasError(result, 15, "agents[1].homes", "must be a list of addresses", "or a whole number of homes");
        Assert.Null(result.Organization);
    }

    [Fact]
    public void Faults_in_several_sections_are_all_reported()
    {
        const string yaml = """
            organization: test
            centre: { central-committee: cc, centrl-organ: co }
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
              executive: [jerjoma, ghost]
            groups:
              - { id: spb/a, kind: district, parent: nowhere, contact: a, members: [a] }
            agents:
              - { id: jerjoma }
              - { id: a }
              - { id: a }
            generate: { districts: 0, factories-per-district: 1, groups-per-factory: 1, agents-per-group: 1, homes-per-agent: 1 }
            """;

        var result = OrgAssert.Parse(yaml);

        Assert.Equal(5, result.Errors.Count);
        OrgAssert.HasError(result, 2, "centre.centrl-organ", "unknown key");
        OrgAssert.HasError(result, 8, "committee.executive[1]", "'ghost' is in the executive");
        OrgAssert.HasError(result, 10, "groups[0].parent", "parent 'nowhere' does not exist");
        OrgAssert.HasError(result, 14, "agents[2].id", "duplicate agent id 'a'");
        OrgAssert.HasError(result, 15, "generate.districts", "positive whole number");
    }
}
