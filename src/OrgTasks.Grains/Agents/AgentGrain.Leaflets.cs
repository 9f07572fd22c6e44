using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// The leaflets an agent must deliver, for its own page: those its units have not finished with (the units' own durable
/// records, nothing kept here), each with how far the agent's route has it (the route's delivery record).
/// </summary>
public sealed partial class AgentGrain
{
    public async Task<IReadOnlyList<AgentLeaflet>> GetLeaflets()
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (!caller.IsAgent(Id) && caller.Kind is not (ActorKind.Operator or ActorKind.System))
            throw new AccessDeniedException($"{caller} may not read the leaflets of agent '{Id}'");
        var found = new Dictionary<string, AgentLeaflet>(StringComparer.Ordinal);
        foreach (var unit in config.Units.Prepend(config.HomeUnit).DistinctBy(u => u.Id))
        {
            foreach (var record in await services.Leaflets.LoadUnfinishedAsync(unit.Id))
            {
                if (found.ContainsKey(record.Leaflet.Id)) continue;
                var delivered = config.Route.HomeCount == 0 ? null : await services.Deliveries.FindAsync(record.Leaflet.Id, Id);
                found[record.Leaflet.Id] = new AgentLeaflet
                {
                    LeafletId = record.Leaflet.Id,
                    Title = record.Leaflet.Title,
                    Text = record.Leaflet.Text,
                    Unit = unit.Id,
                    AcceptedAt = record.AcceptedAt,
                    Deadline = record.Leaflet.Deadline,
                    HomesOnRoute = config.Route.HomeCount,
                    HomesReached = delivered?.HomesReached ?? 0,
                };
            }
        }
        return found.Values.OrderBy(l => l.AcceptedAt).ToList();
    }
}
