namespace OrgTasks.Statements;

/// <summary>Where a statement has been and where it is now.</summary>
[GenerateSerializer, Immutable]
public sealed record StatementRoute
{
    [Id(0)] public required string StatementId { get; init; }
    [Id(1)] public string? Author { get; init; }
    [Id(2)] public Addressee? To { get; init; }
    [Id(3)] public IReadOnlyList<StatementHop> Hops { get; init; } = [];
    /// <summary>The holder it is at now (the inbox once delivered).</summary>
    [Id(4)] public string? Where { get; init; }
    [Id(5)] public bool Delivered { get; init; }
    /// <summary>Set when it has been held longer than the breach limit: names the contact (or empty role) holding it.</summary>
    [Id(6)] public Breach? Breach { get; init; }
    /// <summary>Set while it is held because its author is under a provocateur warning.</summary>
    [Id(7)] public QuarantineMark? Quarantine { get; init; }
}

/// <summary>A statement stuck at a hop past the configured limit: the letter's breach, made visible.</summary>
[GenerateSerializer, Immutable]
public sealed record Breach
{
    [Id(0)] public required string StatementId { get; init; }
    [Id(1)] public required string Holder { get; init; }
    [Id(2)] public required string Unit { get; init; }
    /// <summary>The contact responsible; "(no contact)" where the role is empty.</summary>
    [Id(3)] public required string Contact { get; init; }
    [Id(4)] public required DateTimeOffset HeldSince { get; init; }
    [Id(5)] public required TimeSpan HeldFor { get; init; }
    [Id(6)] public string? LastError { get; init; }
}
