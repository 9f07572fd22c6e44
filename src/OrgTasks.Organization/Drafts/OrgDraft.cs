using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>
/// The file as read, before validation: every value keeps its line, and anything the reader could not make
/// sense of is simply absent (its error is already recorded). Validation works on drafts; only a draft without
/// errors becomes an <see cref="OrganizationSpec"/>.
/// </summary>
internal sealed class OrgDraft
{
    public Located<string>? Name { get; set; }

    public CentreDraft? Centre { get; set; }

    public CommitteeDraft? Committee { get; set; }

    public List<GroupDraft> Groups { get; } = [];

    public List<AgentDraft> Agents { get; } = [];

    public GenerateDraft? Generate { get; set; }
}
