namespace OrgTasks.Life;

/// <summary>A proposal before the committee: co-opt an agent as a member with a function, or into the executive.</summary>
[GenerateSerializer, Immutable]
public sealed record Proposal
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Agent { get; init; }
    /// <summary>The function the new member takes (co-optation); empty for a seat in the executive.</summary>
    [Id(2)] public string Function { get; init; } = "";
    [Id(3)] public bool Executive { get; init; }
    [Id(4)] public required DateTimeOffset ProposedAt { get; init; }
    /// <summary>Member → yes (true) or no (false). A member votes once.</summary>
    [Id(5)] public IReadOnlyDictionary<string, bool> Votes { get; init; } = new Dictionary<string, bool>();
    /// <summary>Yes votes needed, fixed when the proposal is made (majority or two-thirds of the free members).</summary>
    [Id(6)] public required int Needed { get; init; }
    /// <summary>Members who may vote, fixed when the proposal is made.</summary>
    [Id(7)] public required int Voters { get; init; }
    [Id(8)] public ProposalOutcome Outcome { get; init; }
}

[GenerateSerializer]
public enum ProposalOutcome
{
    Open = 0,
    Accepted = 1,
    /// <summary>So many voted no that the threshold can no longer be reached.</summary>
    Rejected = 2,
}
