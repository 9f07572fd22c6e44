using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>
/// Each required field, left out, is named with the line of the mapping that lacks it. The omitted line is
/// turned into a comment so that the lines after it keep their numbers.
/// </summary>
[Trait("Category", "Organization")]
public sealed class RequiredFieldTests
{
    private const string Complete = """
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          -
            id: spb/narva
            kind: district
            parent: spb
            contact: petya
            members: [petya]
        agents:
          - { id: jerjoma }
          -
            id: petya
            homes: 3
        """;

    [Fact]
    public void Complete_file_is_valid()
    {
        var organization = OrgAssert.Valid(Complete);

        Assert.Equal(3, organization.HomeCount);
    }

    [Theory]
    [InlineData(1, 2, "organization", 1)]
    [InlineData(3, 4, "committee.id", 1)]
    [InlineData(4, 3, "committee.contact", 1)]
    [InlineData(9, 10, "groups[0].id", 1)]
    [InlineData(10, 9, "groups[0].kind", 1)]
    [InlineData(11, 9, "groups[0].parent", 1)]
    [InlineData(12, 9, "groups[0].contact", 1)]
    [InlineData(13, 9, "groups[0].members", 2)] // and: the contact is then not among the members
    [InlineData(17, 18, "agents[1].id", 2)] // and: petya is then not declared under agents
    public void Missing_required_field_is_named_at_its_mapping(int omittedLine, int reportedLine, string field, int errorCount)
    {
        var result = OrgAssert.Parse(WithoutLine(omittedLine));

        OrgAssert.HasError(result, reportedLine, field, "is required");
        Assert.Equal(errorCount, result.Errors.Count);
    }

    [Fact]
    public void Missing_committee_is_an_error()
    {
        const string yaml = """
            organization: test
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 1, "committee", "is required", "the local committee");
    }

    [Fact]
    public void Empty_members_list_is_an_error()
    {
        var yaml = Complete.Replace("members: [petya]", "members: []", StringComparison.Ordinal);

        var result = OrgAssert.Parse(yaml);

        OrgAssert.HasError(result, 13, "groups[0].members", "is empty", "at least one member");
    }

    [Fact]
    public void Null_value_counts_as_missing()
    {
        var yaml = Complete.Replace("kind: district", "kind: ~", StringComparison.Ordinal);

        OrgAssert.SingleError(yaml, 9, "groups[0].kind", "is required");
    }

    [Fact]
    public void Committee_member_needs_a_function()
    {
        var yaml = Complete.Replace("{ agent: jerjoma, function: secretary }", "{ agent: jerjoma }", StringComparison.Ordinal);

        var result = OrgAssert.Parse(yaml);

        OrgAssert.HasError(result, 6, "committee.members[0].function", "is required", "one function");
    }

    private static string WithoutLine(int line)
    {
        var lines = Complete.Split('\n');
        lines[line - 1] = "# (omitted)";
        return string.Join('\n', lines);
    }
}
