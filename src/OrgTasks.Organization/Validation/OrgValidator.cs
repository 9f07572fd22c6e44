using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// Runs every rule over the whole draft, generated units included. Rules tolerate missing pieces (already
/// reported by the reader) so that one load lists every fault in the file.
/// </summary>
internal static class OrgValidator
{
    public static void Validate(OrgDraft draft, ErrorList errors)
    {
        var index = IdRules.Check(draft, errors);
        CommitteeRules.Check(draft.Committee, index, errors);
        GroupRules.Check(draft, index, errors);
        UnawareIdRules.Check(draft, index, errors);
        PropagandaRules.Check(draft, errors);
        TreeRules.Check(draft, index, errors);
        HomeRules.Check(draft, index, errors);
    }
}
