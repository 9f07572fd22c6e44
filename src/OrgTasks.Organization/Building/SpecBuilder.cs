using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Building;

/// <summary>
/// Turns a draft that passed validation into the public model. Only called when there are no errors, so every
/// required value is present; a missing one here is a bug in the reader or the rules, hence the exception.
/// </summary>
internal static class SpecBuilder
{
    public static OrganizationSpec Build(OrgDraft draft)
    {
        var committee = draft.Committee ?? throw Missing("committee");
        return new OrganizationSpec
        {
            Name = Required(draft.Name, "organization"),
            Centre = draft.Centre is { } centre ? new CentreSpec(centre.CentralCommittee?.Value, centre.CentralOrgan?.Value) : null,
            Committee = new CommitteeSpec(
                Required(committee.Id, "committee.id"),
                committee.Cooptation,
                Required(committee.Contact, "committee.contact"),
                committee.Members.Select(member => new CommitteeMember(member.Agent.Value, member.Function)).ToArray(),
                Values(committee.Executive),
                Values(committee.Candidates)) { Routine = committee.Routine ?? RoutineSpec.Default },
            Groups = draft.Groups.Select(Group).ToArray(),
            Agents = draft.Agents.Select(Agent).ToArray(),
            Generate = draft.Generate?.Spec,
        };
    }

    private static GroupSpec Group(GroupDraft group) => new(
        Required(group.Id, "groups.id"),
        group.Kind ?? throw Missing("groups.kind"),
        Required(group.Parent, "groups.parent"),
        group.Secrecy,
        group.Affiliation,
        Required(group.Contact, "groups.contact"),
        Values(group.Alternates),
        Values(group.Members)) { DeliversThrough = Values(group.DeliversThrough) };

    private static AgentSpec Agent(AgentDraft agent) =>
        new(Required(agent.Id, "agents.id"), Values(agent.Addresses), agent.SyntheticHomes);

    private static string[] Values(IReadOnlyList<Located<string>> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var values = new string[list.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = list[i].Value;
        }

        return values;
    }

    private static string Required(Located<string>? value, string field) => value?.Value ?? throw Missing(field);

    private static InvalidOperationException Missing(string field) =>
        new($"The organization draft passed validation without '{field}'; the reader should have reported it.");
}
