using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// The committee: members are declared agents; the contact is a member; the executive is at most five members;
/// candidates are declared and not yet members (they stand ready to replace members who are arrested).
/// </summary>
internal static class CommitteeRules
{
    public const int MaxExecutive = 5;

    public static void Check(CommitteeDraft? committee, OrgIndex index, ErrorList errors)
    {
        if (committee is null)
        {
            return;
        }

        var owner = $"committee '{committee.Name}'";
        var memberIds = committee.Members.Select(member => member.Agent).ToArray();
        var members = ReferenceList.Walk(memberIds, "members", owner, errors, member =>
            ReferenceList.Declared(member, $"a member of {owner}", index, errors));

        if (committee.Contact is { } contact && !members.Contains(contact.Value))
        {
            errors.Add(contact, $"'{contact.Value}' is not among the members of {owner}; the contact must be a committee member");
        }

        if (committee.Executive.Count > MaxExecutive)
        {
            errors.Add(
                committee.ExecutiveLine,
                "committee.executive",
                $"the executive has {committee.Executive.Count} members; at most {MaxExecutive} are allowed");
        }

        ReferenceList.Walk(committee.Executive, "executive", owner, errors, executive =>
        {
            if (!members.Contains(executive.Value))
            {
                errors.Add(executive, $"'{executive.Value}' is in the executive but is not a member of {owner}");
            }
        });

        ReferenceList.Walk(committee.Candidates, "candidates", owner, errors, candidate =>
        {
            if (members.Contains(candidate.Value))
            {
                errors.Add(candidate, $"'{candidate.Value}' is already a member of {owner}; a candidate stands ready to replace a member and is not one");
            }
            else
            {
                ReferenceList.Declared(candidate, $"a candidate of {owner}", index, errors);
            }
        });
    }
}
