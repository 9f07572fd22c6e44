namespace OrgTasks.Deposits;

/// <summary>
/// What a group deposits with the centre, before sealing: enough to re-establish the group after arrests (who its
/// members are, who was contact and alternates, and the homes on their routes).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DepositContents
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required string Group { get; init; }
    [Id(2)] public required int Version { get; init; }
    [Id(3)] public required DateTimeOffset WrittenAt { get; init; }
    [Id(4)] public required string Contact { get; init; }
    [Id(5)] public IReadOnlyList<string> Alternates { get; init; } = [];
    [Id(6)] public IReadOnlyList<DepositMember> Members { get; init; } = [];
}

/// <summary>One member in a deposit: the name (agent id) and the homes on the member's route.</summary>
[GenerateSerializer, Immutable]
public sealed record DepositMember
{
    [Id(0)] public required string Agent { get; init; }
    [Id(1)] public IReadOnlyList<string> Addresses { get; init; } = [];
    [Id(2)] public int SyntheticHomes { get; init; }
}
