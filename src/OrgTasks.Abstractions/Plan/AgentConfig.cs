namespace OrgTasks.Plan;

/// <summary>What an agent grain knows about itself: its units and its route.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentConfig
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required string Id { get; init; }
    /// <summary>
    /// The agent's own unit: its statements go there first, and that unit serves its route. It is the first unit that
    /// lists the agent in file order (the committee before the groups).
    /// </summary>
    [Id(2)] public required UnitRef HomeUnit { get; init; }
    /// <summary>Every unit that lists the agent as a member.</summary>
    [Id(3)] public IReadOnlyList<UnitRef> Units { get; init; } = [];
    [Id(4)] public RouteSpec Route { get; init; } = RouteSpec.Empty;
    /// <summary>Units (groups or the committee) whose appointed contact this agent is.</summary>
    [Id(5)] public IReadOnlyList<UnitRef> ContactFor { get; init; } = [];
    /// <summary>Who the agent's statements can be addressed to: the committee, and the central bodies the organization has.</summary>
    [Id(6)] public IReadOnlyList<OrgTasks.Statements.Addressee> Addressees { get; init; } = [];
    /// <summary>Whether the agent can act; every call on behalf of an agent who is not free is refused.</summary>
    [Id(7)] public OrgTasks.Life.AgentStanding Standing { get; init; }
    /// <summary>Units this agent was detailed to as a delegate.</summary>
    [Id(8)] public IReadOnlyList<UnitRef> DelegateFor { get; init; } = [];
}
