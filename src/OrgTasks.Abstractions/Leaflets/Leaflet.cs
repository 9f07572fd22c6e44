namespace OrgTasks.Leaflets;

/// <summary>A leaflet as it travels down. The same immutable record reaches every unit and every distributor.</summary>
[GenerateSerializer, Immutable]
public sealed record Leaflet
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>The issuing unit. Empty in the copies that reach groups which must not learn of the organization.</summary>
    [Id(1)] public required string Issuer { get; init; }
    /// <summary>The unit whose whole subtree the leaflet is for.</summary>
    [Id(2)] public required string Scope { get; init; }
    [Id(3)] public required string Title { get; init; }
    [Id(4)] public required string Text { get; init; }
    [Id(5)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(6)] public DateTimeOffset? Deadline { get; init; }
    /// <summary>For a propaganda group's material sent through district groups: the committee that approved it.</summary>
    [Id(7)] public string? ApprovedBy { get; init; }
    /// <summary>Only the groups of this kind deliver it (the centre's digest for similar groups); every unit when empty.</summary>
    [Id(8)] public OrgTasks.Plan.UnitKind? ForKind { get; init; }
}

/// <summary>What a client asks a unit to issue. The id is the client's, so that a retried issue is recognised.</summary>
[GenerateSerializer, Immutable]
public sealed record LeafletDraft
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Text { get; init; }
    /// <summary>The unit to reach with its whole subtree; the issuer itself when empty.</summary>
    [Id(3)] public string? Scope { get; init; }
    [Id(4)] public TimeSpan? Deadline { get; init; }
    /// <summary>Only the groups of this kind in scope deliver it; the others only pass it on.</summary>
    [Id(5)] public OrgTasks.Plan.UnitKind? ForKind { get; init; }
    /// <summary>For a propaganda group's material to its district groups: the committee that approves it.</summary>
    [Id(6)] public string? ApprovedBy { get; init; }
}
