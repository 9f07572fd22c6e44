using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>The committee's contact, members, executive and candidates.</summary>
[Trait("Category", "Organization")]
public sealed class CommitteeRuleTests
{
    // Lines 4, 10 and 11 carry the contact, executive and candidates under test.
    private static string WithCommittee(string contact = "jerjoma", string executive = "[jerjoma, lyadov]", string candidates = "[kostya]") => $$"""
        organization: test
        committee:
          id: spb
          contact: {{contact}}
          members:
            - { agent: jerjoma, function: secretary }
            - { agent: lyadov, function: printing }
            - { agent: zina, function: transport }
            - { agent: stepan, function: districts }
          executive: {{executive}}
          candidates: {{candidates}}
        agents:
          - { id: jerjoma }
          - { id: lyadov }
          - { id: zina }
          - { id: stepan }
          - { id: kostya }
          - { id: ivan }
          - { id: anna }
        """;

    [Fact]
    public void Well_formed_committee_is_valid()
    {
        var committee = OrgAssert.Valid(WithCommittee()).Committee;

        Assert.Equal("spb", committee.Id);
        Assert.Equal("jerjoma", committee.Contact);
        Assert.Equal(new CommitteeMember("lyadov", "printing"), committee.Members[1]);
        Assert.Equal(new[] { "jerjoma", "lyadov" }, committee.Executive);
        Assert.Equal(new[] { "kostya" }, committee.Candidates);
    }

    [Fact]
    public void Contact_must_be_a_committee_member()
    {
        OrgAssert.SingleError(WithCommittee(contact: "kostya"), 4, "committee.contact", "'kostya' is not among the members of committee 'spb'");
    }

    [Fact]
    public void Executive_has_at_most_five()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: a
              members: [{ agent: a, function: f }, { agent: b, function: f }, { agent: c, function: f }, { agent: d, function: f }, { agent: e, function: f }, { agent: g, function: f }]
              executive:
                - a
                - b
                - c
                - d
                - e
                - g
            agents: [{ id: a }, { id: b }, { id: c }, { id: d }, { id: e }, { id: g }]
            """;

        OrgAssert.SingleError(yaml, 7, "committee.executive", "the executive has 6 members; at most 5 are allowed");
    }

    [Fact]
    public void Executive_member_must_be_a_committee_member()
    {
        OrgAssert.SingleError(WithCommittee(executive: "[jerjoma, ivan]"), 10, "committee.executive[1]", "'ivan' is in the executive but is not a member of committee 'spb'");
    }

    [Fact]
    public void Candidate_must_not_already_be_a_member()
    {
        OrgAssert.SingleError(WithCommittee(candidates: "[kostya, zina]"), 11, "committee.candidates[1]", "'zina' is already a member of committee 'spb'");
    }

    [Fact]
    public void Candidate_must_be_declared_under_agents()
    {
        OrgAssert.SingleError(WithCommittee(candidates: "[kostya, masha]"), 11, "committee.candidates[1]", "'masha' is a candidate of committee 'spb' but is not declared under agents");
    }

    [Fact]
    public void Committee_member_must_be_declared_under_agents()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
                - { agent: lyadov, function: printing }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 7, "committee.members[1].agent", "'lyadov' is a member of committee 'spb' but is not declared under agents");
    }

    [Fact]
    public void Committee_member_is_listed_only_once()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
                - { agent: jerjoma, function: printing }
            agents:
              - { id: jerjoma }
            """;

        OrgAssert.SingleError(yaml, 7, "committee.members[1].agent", "'jerjoma' appears more than once in the members of committee 'spb'", "lines 6 and 7");
    }

    [Fact]
    public void Centre_bodies_are_counted_as_units()
    {
        const string yaml = """
            organization: test
            centre: { central-committee: cc, central-organ: co }
            committee:
              id: spb
              contact: jerjoma
              members: [{ agent: jerjoma, function: secretary }]
            agents: [{ id: jerjoma }]
            """;

        var organization = OrgAssert.Valid(yaml);

        Assert.Equal(new CentreSpec("cc", "co"), organization.Centre);
        Assert.Equal(3, organization.UnitCount);
    }
}
