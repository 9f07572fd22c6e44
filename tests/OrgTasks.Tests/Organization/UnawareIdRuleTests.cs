using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>An unaware group's id names no unit above it: its members see their own group's id.</summary>
[Trait("Category", "Letter")]
public sealed class UnawareIdRuleTests
{
    // Line 10 is the group under test.
    private static string WithCircle(string id, string parent = "msk/presnya", string affiliation = "unaware") => $$"""
        organization: test
        centre: { central-committee: cc, central-organ: co }
        committee:
          id: msk
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          - { id: msk/presnya, kind: district, parent: msk, contact: petya, members: [petya] }
          - { id: {{id}}, kind: students, parent: {{parent}}, affiliation: {{affiliation}}, contact: dmitry, members: [dmitry] }
        agents:
          - { id: jerjoma }
          - { id: petya }
          - { id: dmitry }
        """;

    [Fact]
    public void An_unaware_group_id_under_its_parent_is_refused_naming_file_line_and_field()
    {
        var error = OrgAssert.SingleError(WithCircle("msk/presnya/students"), 10, "groups[1].id",
            "the unaware group 'msk/presnya/students' names the unit above it ('msk/presnya')", "give it an id of its own (for example 'students')");
        Assert.Equal(OrgAssert.FileName, error.File);
    }

    [Fact]
    public void An_unaware_group_id_under_the_committee_is_refused_even_below_a_district()
    {
        OrgAssert.SingleError(WithCircle("msk/students"), 10, "groups[1].id", "names the unit above it ('msk')");
    }

    [Fact]
    public void An_unaware_group_with_an_id_of_its_own_is_valid_and_so_is_a_member_group_written_as_a_path()
    {
        OrgAssert.Valid(WithCircle("presnya-students"));
        OrgAssert.Valid(WithCircle("msk/presnya/students", affiliation: "associated"));
    }
}
