namespace OrgTasks.Statements;

/// <summary>A statement as it travels up. Immutable: every hop stores and passes on the same record.</summary>
[GenerateSerializer, Immutable]
public sealed record Statement
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Author { get; init; }
    [Id(2)] public required Addressee To { get; init; }
    [Id(3)] public required string Text { get; init; }
    [Id(4)] public required DateTimeOffset WrittenAt { get; init; }
    [Id(5)] public StatementKind Kind { get; init; }
    /// <summary>For a regular report: the unit reported on (written on its behalf by its contact). Empty otherwise.</summary>
    [Id(6)] public string? ReportOf { get; init; }
    /// <summary>
    /// The W3C traceparent of the author's <c>statement.send</c> span, stored with the statement, so that every hop's
    /// span joins one trace even though the statement travels through outboxes and pumps (and silo restarts) rather
    /// than one call chain. Empty when tracing was off as it was written.
    /// </summary>
    [Id(7)] public string? TraceParent { get; init; }
}

/// <summary>What an author hands to the system. The id is the client's, so that a retried send is recognised.</summary>
[GenerateSerializer, Immutable]
public sealed record StatementDraft
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required Addressee To { get; init; }
    [Id(2)] public required string Text { get; init; }
    [Id(3)] public StatementKind Kind { get; init; }
}
