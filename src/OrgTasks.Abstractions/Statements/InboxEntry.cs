namespace OrgTasks.Statements;

/// <summary>A statement that reached the unit it was addressed to.</summary>
[GenerateSerializer, Immutable]
public sealed record InboxEntry
{
    [Id(0)] public required Statement Statement { get; init; }
    [Id(1)] public required DateTimeOffset ArrivedAt { get; init; }
    /// <summary>The unit whose contact handed it in (the author's own unit when it starts here).</summary>
    [Id(2)] public required string From { get; init; }
}

/// <summary>A statement held at a hop and not yet acknowledged by the next one.</summary>
[GenerateSerializer, Immutable]
public sealed record HeldStatement
{
    [Id(0)] public required StatementHop Hop { get; init; }
    [Id(1)] public required Statement Statement { get; init; }
    [Id(2)] public string? LastError { get; init; }
    [Id(3)] public int Attempts { get; init; }
    /// <summary>For a contact: the unit above it carries the statement to.</summary>
    [Id(4)] public OrgTasks.Plan.UnitRef? Target { get; init; }
    /// <summary>Written by an agent under a provocateur warning: held here for review until the warning is lifted.</summary>
    [Id(5)] public bool Quarantined { get; init; }
}
