namespace OrgTasks.Grains.Organization;

/// <summary>
/// Which organizations this cluster holds, their committees, and which organization each unit id belongs to: the
/// starting point for clients that know only a unit's id. Read at client start-up, never on the hot path.
/// </summary>
public sealed class OrganizationRegistryGrain(
    [PersistentState("registry", OrgTasksStorage.Name)] IPersistentState<OrganizationRegistryState> state,
    Identity.AgentStandings standings)
    : Grain, IOrganizationRegistryGrain, Identity.IActingGrain
{
    public Actor Actor => Actor.System("registry");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // This silo enforces the list at once; the others pick it up through their refresher.
        standings.Update(Snapshot());
        return Task.CompletedTask;
    }

    public async Task Register(string organization, string committee, IReadOnlyList<UnitRef> units)
    {
        var current = state.State;
        var known = current.Units.Where(u => u.Value.Organization == organization).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var same = current.Organizations.GetValueOrDefault(organization) == committee
            && known.Count == units.Count
            && units.All(u => current.Units.TryGetValue(u.Id, out var at) && at.Organization == organization && at.Unit == u);
        if (same) return;
        var kept = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var centresLeft = known.Where(id => !kept.Contains(id) && current.Units[id].Unit.Kind.IsCentre()).Select(id => current.Units[id].Unit).ToList();
        foreach (var id in known) current.Units.Remove(id);
        foreach (var unit in units) current.Units[unit.Id] = new UnitLocation(organization, unit);
        await KeepSharedCentresAsync(centresLeft);
        current.Organizations[organization] = committee;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A central body an organization no longer names stays where another organization still names it (one centre,
    /// many committees). The unit itself knows whose parts it still has: the directory has already taken this
    /// organization's part away, and the configuration left names the organization that now leads it.
    /// </summary>
    private async Task KeepSharedCentresAsync(IReadOnlyList<UnitRef> centres)
    {
        foreach (var centre in centres)
            if (await GrainFactory.GetUnit(centre).GetConfig() is { } rest)
                state.State.Units[centre.Id] = new UnitLocation(rest.Organization, centre);
    }

    public Task<IReadOnlyDictionary<string, string>> List() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new SortedDictionary<string, string>(state.State.Organizations, StringComparer.Ordinal));

    /// <summary>
    /// Where a unit is. A member of the committee finds every unit of its organization (the committee appoints them all);
    /// any other agent only the units it belongs to, carries for or is detailed to (any other is "not found", so that
    /// ids cannot be probed), and without the organization's name: a member of an unaware group must not learn it.
    /// </summary>
    public async Task<UnitLocation?> FindUnit(string unit)
    {
        var caller = Identity.Callers.Require();
        var location = state.State.Units.GetValueOrDefault(unit);
        if (caller.Kind != ActorKind.Agent || location is null) return location;
        var agent = await GrainFactory.GetGrain<IAgentGrain>(caller.Id).GetConfig();
        if (agent is null || agent.Organization != location.Organization) return null;
        var units = agent.Units.Append(agent.HomeUnit).Concat(agent.ContactFor).Concat(agent.DelegateFor).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var committee = state.State.Organizations.GetValueOrDefault(location.Organization);
        if (committee is not null && units.Contains(committee) && !standings.IsOutOfAction(caller.Id)) return location;
        return units.Contains(unit) ? location with { Organization = "" } : null;
    }

    public Task SetStanding(string agent, AgentStanding standing) =>
        SetStandings(new Dictionary<string, AgentStanding>(StringComparer.Ordinal) { [agent] = standing });

    public async Task SetStandings(IReadOnlyDictionary<string, AgentStanding> changes)
    {
        var caller = Identity.Callers.Require();
        if (caller.Kind != ActorKind.System) throw new AccessDeniedException($"{caller} may not change an agent's standing; use arrest, release, warn or clear");
        var changed = false;
        foreach (var (agent, standing) in changes)
        {
            var current = state.State.Standings.TryGetValue(agent, out var known) ? known : AgentStanding.Free;
            if (current == standing) continue;
            if (standing == AgentStanding.Free) state.State.Standings.Remove(agent);
            else state.State.Standings[agent] = standing;
            changed = true;
        }
        if (!changed) return;
        state.State.StandingsVersion++;
        await state.WriteStateAsync();
        standings.Update(Snapshot());
    }

    public Task<Standings?> GetStandings(long knownVersion) =>
        Task.FromResult(state.State.StandingsVersion + 1 > knownVersion ? Snapshot() : null);

    private Standings Snapshot() => new()
    {
        // Version 0 is "nothing known"; a fresh registry with nobody out of action is version 1 so that it replaces it.
        Version = state.State.StandingsVersion + 1,
        NotFree = new Dictionary<string, AgentStanding>(state.State.Standings, StringComparer.Ordinal),
    };
}

[GenerateSerializer, Alias("orgtasks.registry-state.v1")]
public sealed class OrganizationRegistryState
{
    [Id(0)] public Dictionary<string, string> Organizations { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, UnitLocation> Units { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Agents who are not free, across all organizations (agent ids are unique in a cluster).</summary>
    [Id(2)] public Dictionary<string, AgentStanding> Standings { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long StandingsVersion { get; set; }
}
