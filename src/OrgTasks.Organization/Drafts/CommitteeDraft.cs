using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>The <c>committee</c> section as read.</summary>
internal sealed class CommitteeDraft
{
    /// <summary>Line of the committee mapping, for faults of the committee as a whole.</summary>
    public required int Line { get; init; }

    public Located<string>? Id { get; init; }

    public Cooptation Cooptation { get; init; }

    public Located<string>? Contact { get; init; }

    public required IReadOnlyList<MemberDraft> Members { get; init; }

    public required IReadOnlyList<Located<string>> Executive { get; init; }

    /// <summary>Line of the <c>executive</c> list itself, where "more than five" is reported.</summary>
    public int ExecutiveLine { get; init; }

    public required IReadOnlyList<Located<string>> Candidates { get; init; }

    /// <summary>The <c>routine</c> extension, or null when absent or faulty (each fault is recorded).</summary>
    public RoutineSpec? Routine { get; init; }

    /// <summary>The committee id for messages, even when it is missing.</summary>
    public string Name => Id?.Value ?? "(committee without id)";
}
