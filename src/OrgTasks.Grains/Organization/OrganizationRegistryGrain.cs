namespace OrgTasks.Grains.Organization;

/// <summary>Which organizations this cluster holds, and their committees: the starting point for <c>org show</c>.</summary>
public sealed class OrganizationRegistryGrain(
    [PersistentState("registry", OrgTasksStorage.Name)] IPersistentState<OrganizationRegistryState> state)
    : Grain, IOrganizationRegistryGrain
{
    public async Task Register(string organization, string committee)
    {
        if (state.State.Organizations.TryGetValue(organization, out var known) && known == committee) return;
        state.State.Organizations[organization] = committee;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> List() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new SortedDictionary<string, string>(state.State.Organizations, StringComparer.Ordinal));
}

[GenerateSerializer, Alias("orgtasks.registry-state.v1")]
public sealed class OrganizationRegistryState
{
    [Id(0)] public Dictionary<string, string> Organizations { get; set; } = new(StringComparer.Ordinal);
}
