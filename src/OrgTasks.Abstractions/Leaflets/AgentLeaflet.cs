namespace OrgTasks.Leaflets;

/// <summary>
/// A leaflet an agent must deliver: open at a unit whose routes include the agent's, with how far the agent's own route
/// has it. What the agent reads is that unit's copy (a group that must not know the organization gets a copy without
/// the issuer or the tree).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AgentLeaflet
{
    [Id(0)] public required string LeafletId { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Text { get; init; }
    /// <summary>The unit that sends this agent out with it.</summary>
    [Id(3)] public required string Unit { get; init; }
    [Id(4)] public required DateTimeOffset AcceptedAt { get; init; }
    [Id(5)] public DateTimeOffset? Deadline { get; init; }
    [Id(6)] public required int HomesOnRoute { get; init; }
    /// <summary>Homes of the agent's route that have it (by whoever carried them).</summary>
    [Id(7)] public required int HomesReached { get; init; }
}
