using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>The <c>centre</c> section as read.</summary>
internal sealed record CentreDraft(Located<string>? CentralCommittee, Located<string>? CentralOrgan);
