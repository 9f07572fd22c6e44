namespace OrgTasks.Grains.Organization;

/// <summary>
/// Which organizations this cluster holds, their committees, and which organization each unit id belongs to: the
/// starting point for clients that know only a unit's id. Read at client start-up, never on the hot path.
/// </summary>
public sealed class OrganizationRegistryGrain(
    [PersistentState("registry", OrgTasksStorage.Name)] IPersistentState<OrganizationRegistryState> state)
    : Grain, IOrganizationRegistryGrain
{
    public async Task Register(string organization, string committee, IReadOnlyList<UnitRef> units)
    {
        var current = state.State;
        var known = current.Units.Where(u => u.Value.Organization == organization).Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var same = current.Organizations.GetValueOrDefault(organization) == committee
            && known.Count == units.Count
            && units.All(u => current.Units.TryGetValue(u.Id, out var at) && at.Organization == organization && at.Unit == u);
        if (same) return;
        foreach (var id in known) current.Units.Remove(id);
        foreach (var unit in units) current.Units[unit.Id] = new UnitLocation(organization, unit);
        current.Organizations[organization] = committee;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> List() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new SortedDictionary<string, string>(state.State.Organizations, StringComparer.Ordinal));

    public Task<UnitLocation?> FindUnit(string unit) => Task.FromResult(state.State.Units.GetValueOrDefault(unit));
}

[GenerateSerializer, Alias("orgtasks.registry-state.v1")]
public sealed class OrganizationRegistryState
{
    [Id(0)] public Dictionary<string, string> Organizations { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, UnitLocation> Units { get; set; } = new(StringComparer.Ordinal);
}
