namespace OrgTasks.Statements;

/// <summary>
/// One hop of a statement's route, as recorded by the holder that accepted it. A hop is written before the holder
/// acknowledges, so an acknowledged statement always has a record here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StatementHop
{
    [Id(0)] public required string StatementId { get; init; }
    /// <summary>The unit or agent holding the statement at this hop.</summary>
    [Id(1)] public required string Holder { get; init; }
    [Id(2)] public required HopRole Role { get; init; }
    /// <summary>The unit on whose behalf the statement is held (for a contact hop: the unit whose contact it is).</summary>
    [Id(3)] public required string Unit { get; init; }
    /// <summary>The agent responsible at this hop: the unit's contact, or the contact agent itself.</summary>
    [Id(4)] public string? Contact { get; init; }
    [Id(5)] public required DateTimeOffset AcceptedAt { get; init; }
    /// <summary>When the next hop acknowledged it; empty while it is still held here.</summary>
    [Id(6)] public DateTimeOffset? PassedAt { get; init; }
    [Id(7)] public string? PassedTo { get; init; }
}
