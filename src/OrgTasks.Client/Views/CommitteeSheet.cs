namespace OrgTasks.Client.Views;

/// <summary>The committee as it stands (<c>committee show --json</c> and the API answer the same): members with their functions and standing, the executive, candidates, proposals.</summary>
public sealed record CommitteeSheet
{
    public required string Committee { get; init; }
    public required string Organization { get; init; }
    /// <summary>majority or two-thirds.</summary>
    public required string Cooptation { get; init; }
    public required string Contact { get; init; }
    public required bool Consented { get; init; }
    public required IReadOnlyList<CommitteeSeat> Members { get; init; }
    public required IReadOnlyList<string> Executive { get; init; }
    public required IReadOnlyList<string> Candidates { get; init; }
    public required IReadOnlyList<Proposal> Proposals { get; init; }

    public static CommitteeSheet From(UnitConfig committee, LifeView life) => new()
    {
        Committee = committee.Unit.Id,
        Organization = committee.Organization,
        Cooptation = committee.Cooptation,
        Contact = committee.Contact,
        Consented = life.Consented,
        Members = committee.Members.Select(m => new CommitteeSeat
        {
            Agent = m,
            Function = committee.Functions.GetValueOrDefault(m, ""),
            Executive = committee.Executive.Contains(m),
            Standing = life.Arrested.Contains(m) ? AgentStanding.Arrested : life.Suspended.Contains(m) ? AgentStanding.Suspended : AgentStanding.Free,
        }).ToList(),
        Executive = committee.Executive,
        Candidates = committee.Candidates,
        Proposals = life.Proposals,
    };
}

public sealed record CommitteeSeat
{
    public required string Agent { get; init; }
    public required string Function { get; init; }
    public required bool Executive { get; init; }
    public required AgentStanding Standing { get; init; }
}
