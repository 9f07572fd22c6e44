namespace OrgTasks.Statements;

/// <summary>
/// A statement held where it is because its author is under a provocateur warning: when the warning was given, and
/// where the statement waits for the review. It travels on, once, when the warning is lifted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuarantineMark
{
    /// <summary>When the warning about the author was given; empty for a warning recorded before dates were kept.</summary>
    [Id(0)] public DateTimeOffset? WarnedAt { get; init; }
    [Id(1)] public required string HeldBy { get; init; }
    [Id(2)] public required DateTimeOffset HeldSince { get; init; }
}

/// <summary>A quarantined statement on its way to a unit's inbox.</summary>
[GenerateSerializer, Immutable]
public sealed record QuarantinedStatement
{
    [Id(0)] public required Statement Statement { get; init; }
    [Id(1)] public required QuarantineMark Quarantine { get; init; }
}
