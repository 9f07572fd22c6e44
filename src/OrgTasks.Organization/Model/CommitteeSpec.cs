namespace OrgTasks.Organization;

/// <summary>
/// The local committee. <paramref name="Contact"/> alone transmits to the central bodies;
/// <paramref name="Executive"/> holds at most five members; <paramref name="Candidates"/> stand ready
/// to replace arrested members and are not members themselves.
/// </summary>
public sealed record CommitteeSpec(
    string Id,
    Cooptation Cooptation,
    string Contact,
    IReadOnlyList<CommitteeMember> Members,
    IReadOnlyList<string> Executive,
    IReadOnlyList<string> Candidates)
{
    /// <summary>The committee's schedule of distributions and reports (<c>committee.routine</c>); the defaults when absent.</summary>
    public RoutineSpec Routine { get; init; } = RoutineSpec.Default;
}
