namespace OrgTasks.Audit;

/// <summary>
/// One line of the append-only audit trail: an officer's act or a count of refused calls, with the proven actor. Never a
/// statement's or a leaflet's text, never sealed data: only ids, names and short reasons.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    /// <summary>The proven actor, e.g. <c>agent:jerjoma</c>, <c>operator:cli</c>, <c>operator:cli as agent:belov</c>.</summary>
    [Id(1)] public required string Actor { get; init; }
    /// <summary>What was done: <c>apply</c>, <c>arrest</c>, <c>vote</c>, <c>credential.issue</c>, <c>refused</c>, ….</summary>
    [Id(2)] public required string Action { get; init; }
    /// <summary>What it was done to: an organization, an agent, a unit, a credential id, a method.</summary>
    [Id(3)] public required string Target { get; init; }
    [Id(4)] public required AuditOutcome Outcome { get; init; }
    [Id(5)] public string Reason { get; init; } = "";
    /// <summary>How many calls this line stands for: 1 for an act; the number of refusals in the minute for a refusal line.</summary>
    [Id(6)] public int Count { get; init; } = 1;
}

[GenerateSerializer]
public enum AuditOutcome
{
    Done = 0,
    Refused = 1,
}

/// <summary>Which audit lines to read: newest first.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditQuery
{
    [Id(0)] public DateTimeOffset? Since { get; init; }
    /// <summary>Only lines whose actor is this one or acts for it (<c>agent:belov</c>, or just <c>belov</c>).</summary>
    [Id(1)] public string? Actor { get; init; }
    [Id(2)] public int Limit { get; init; } = 1_000;

    public const int MaxLimit = 10_000;
}
