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
    public void WellFormedCommitteeIsValid()
    {
        var committee = OrgAssert.Valid(WithCommittee()).Committee;

        Assert.Equal("spb", committee.Id);
        Assert.Equal("jerjoma", committee.Contact);
        Assert.Equal(new CommitteeMember("lyadov", "printing"), committee.Members[1]);
        Assert.Equal(new[] { "jerjoma", "lyadov" }, committee.Executive);
        Assert.Equal(new[] { "kostya" }, committee.Candidates);
    }

    [Fact]
    public void ContactMustBeACommitteeMember()
    {
        OrgAssert.SingleError(WithCommittee(contact: "kostya"), 4, "committee.contact", "'kostya' is not among the members of committee 'spb'");
    }

    [Fact]
    public void ExecutiveHasAtMostFive()
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
    public void ExecutiveMemberMustBeACommitteeMember()
    {
        OrgAssert.SingleError(WithCommittee(executive: "[jerjoma, ivan]"), 10, "committee.executive[1]", "'ivan' is in the executive but is not a member of committee 'spb'");
    }

    [Fact]
    public void CandidateMustNotAlreadyBeAMember()
    {
        OrgAssert.SingleError(WithCommittee(candidates: "[kostya, zina]"), 11, "committee.candidates[1]", "'zina' is already a member of committee 'spb'");
    }

    [Fact]
    public void CandidateMustBeDeclaredUnderAgents()
    {
        OrgAssert.SingleError(WithCommittee(candidates: "[kostya, masha]"), 11, "committee.candidates[1]", "'masha' is a candidate of committee 'spb' but is not declared under agents");
    }

    [Fact]
    public void CommitteeMemberMustBeDeclaredUnderAgents()
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
    public void CommitteeMemberIsListedOnlyOnce()
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
    public void CentreBodiesAreCountedAsUnits()
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
