namespace OrgTasks.Grains.Agents;

/// <summary>An agent's persistent state: its configuration from the organization file.</summary>
[GenerateSerializer, Alias("orgtasks.agent-state.v1")]
public sealed class AgentState
{
    [Id(0)] public AgentConfig? Config { get; set; }
}
