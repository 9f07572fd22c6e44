using OrgTasks.Statements;

namespace OrgTasks.Routine;

/// <summary>
/// The routine asking a unit to write a report on its own behalf. The id is made by the routine from the unit and the
/// round, so asking again (a retried tick) finds the report already accepted and writes nothing twice.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReportRequest
{
    [Id(0)] public required string StatementId { get; init; }
    [Id(1)] public required Addressee To { get; init; }
    /// <summary>The report's text; when empty the unit writes its own composition and activity.</summary>
    [Id(2)] public string? Text { get; init; }
}

/// <summary>The latest report a unit received about one unit below it (or about itself, for a digest).</summary>
[GenerateSerializer, Immutable]
public sealed record ReceivedReport
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string StatementId { get; init; }
    [Id(2)] public required DateTimeOffset WrittenAt { get; init; }
    [Id(3)] public required DateTimeOffset ArrivedAt { get; init; }
}
