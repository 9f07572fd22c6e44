using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// Each group: its parent is the committee or a group; its members are declared agents, each listed once;
/// its contact and alternates are among its members, and the contact is not also an alternate.
/// </summary>
internal static class GroupRules
{
    public static void Check(OrgDraft draft, OrgIndex index, ErrorList errors)
    {
        foreach (var group in draft.Groups)
        {
            var owner = $"group '{group.Name}'";
            if (group.Parent is { } parent)
            {
                CheckParent(parent, index, errors);
            }

            var members = ReferenceList.Walk(group.Members, "members", owner, errors, member =>
                ReferenceList.Declared(member, $"a member of {owner}", index, errors));

            if (group.Contact is { } contact && !members.Contains(contact.Value))
            {
                errors.Add(contact, $"'{contact.Value}' is not among the members of {owner}");
            }

            ReferenceList.Walk(group.Alternates, "alternates", owner, errors, alternate =>
            {
                if (alternate.Value == group.Contact?.Value)
                {
                    errors.Add(alternate, $"'{alternate.Value}' is the contact of {owner} and cannot also be its alternate");
                }
                else if (!members.Contains(alternate.Value))
                {
                    errors.Add(alternate, $"alternate '{alternate.Value}' is not among the members of {owner}");
                }
            });
        }
    }

    private static void CheckParent(Located<string> parent, OrgIndex index, ErrorList errors)
    {
        var id = parent.Value;
        if (id == index.CommitteeId)
        {
            return;
        }

        var allowed = index.CommitteeId is null ? "the committee or another group" : $"the committee '{index.CommitteeId}' or another group";
        if (index.Units.TryGetValue(id, out var unit))
        {
            // Groups are fine here (cycles are TreeRules' business); the central bodies stand outside the local tree.
            if (unit.Role != UnitRole.Group)
            {
                errors.Add(parent, $"'{id}' is the {unit.What}, which cannot be a parent; a group's parent must be {allowed}");
            }

            return;
        }

        if (index.IsAgent(id))
        {
            errors.Add(parent, $"'{id}' is an agent, not a unit; a group's parent must be {allowed}");
            return;
        }

        // With the committee id missing, an unknown parent may well be meant as the committee: that fault is already reported.
        if (index.CommitteeId is not null)
        {
            var guess = Suggestion.Closest(id, index.Units.Keys);
            var hint = guess is null ? string.Empty : $" (did you mean '{guess}'?)";
            errors.Add(parent, $"parent '{id}' does not exist{hint}; a group's parent must be {allowed}");
        }
    }
}
