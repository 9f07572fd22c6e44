using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>One entry of <c>committee.members</c>: <c>{ agent: x, function: y }</c>.</summary>
internal sealed record MemberDraft(Located<string> Agent, string Function);
