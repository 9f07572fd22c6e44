namespace OrgTasks.Life;

/// <summary>Whether an agent can act. Every call on behalf of an agent who is not free is refused.</summary>
[GenerateSerializer]
public enum AgentStanding
{
    Free = 0,
    /// <summary>Lost to the police: duties and routes pass to alternates; statements already written travel on.</summary>
    Arrested = 1,
    /// <summary>Suspected of being a provocateur: duties pass on as for an arrest, and statements the agent wrote that
    /// are still on their way are quarantined where they are until the warning is lifted.</summary>
    Suspended = 2,
}
