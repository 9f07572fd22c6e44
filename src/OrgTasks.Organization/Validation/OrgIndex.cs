using OrgTasks.Organization.Drafts;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// Every declared id, looked up by value. Units and agents are kept apart, each first-declaration-wins, so a
/// clash between an agent and a unit of the same id is reported once (by <see cref="IdRules"/>) and does not
/// make every later reference to either look undeclared.
/// </summary>
internal sealed class OrgIndex
{
    public OrgIndex(string? committeeId)
    {
        CommitteeId = committeeId;
    }

    /// <summary>The committee's id; null when it is missing, and then parents cannot all be judged.</summary>
    public string? CommitteeId { get; }

    public Dictionary<string, Declaration> Units { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AgentDraft> Agents { get; } = new(StringComparer.Ordinal);

    public bool IsAgent(string id) => Agents.ContainsKey(id);

    /// <summary>The group draft declared first under <paramref name="id"/>, if that id names a group.</summary>
    public GroupDraft? GroupOf(string id) =>
        Units.TryGetValue(id, out var unit) && unit.Role == UnitRole.Group ? unit.Group : null;
}
