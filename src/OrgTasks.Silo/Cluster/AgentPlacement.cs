using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace OrgTasks.Silo.Cluster;

/// <summary>Where an agent's grain is activated in a cluster of several silos.</summary>
public enum AgentPlacement
{
    /// <summary>Orleans' default for every grain (resource-optimized: the silo with the most room at the time).</summary>
    Spread = 0,

    /// <summary>
    /// On the silo of the grain that first calls the agent (Orleans' prefer-local placement): in a leaflet that is the
    /// agent's own group, so a group's route deliveries stay inside one silo.
    /// </summary>
    WithCaller = 1,
}

/// <summary>Gives the agent grain type prefer-local placement, without an attribute on the grain class.</summary>
internal sealed class AgentWithCallerPlacement : IPlacementStrategyResolver
{
    /// <summary>The grain type Orleans derives from <c>AgentGrain</c>: its class name without "Grain", lower case.</summary>
    private static readonly GrainType Agent = GrainType.Create("agent");

    private static readonly PlacementStrategy Local = new PreferLocalPlacement();

    public bool TryResolvePlacementStrategy(GrainType grainType, GrainProperties? properties, out PlacementStrategy result)
    {
        result = Local;
        return grainType.Equals(Agent);
    }
}
