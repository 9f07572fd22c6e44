using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>One place where an id is introduced: a unit (committee, central body, group) or an agent.</summary>
internal sealed record Declaration(Located<string> Id, UnitRole? Role, bool Generated, GroupDraft? Group, AgentDraft? Agent)
{
    public bool IsAgent => Role is null;

    /// <summary>"the group", "the committee", "the agent": how messages name what holds the id.</summary>
    public string What => Role switch
    {
        null => "agent",
        UnitRole.Committee => "committee",
        UnitRole.CentralCommittee => "central committee",
        UnitRole.CentralOrgan => "central organ",
        _ => "group",
    };

    /// <summary>"line 12", or "line 40 (made by generate)".</summary>
    public string Where => Generated ? $"line {Id.Line} (made by generate)" : $"line {Id.Line}";
}
