namespace OrgTasks.Baselines;

/// <summary>
/// A unit of the bare grain tree: every child unit and every distributor called in one turn with <c>Task.WhenAll</c>,
/// the answers summed. The distributors are the plain agents of baseline (a), so the tree adds only the unit grains.
/// </summary>
public sealed class PlainUnitGrain : Grain, IPlainUnitGrain
{
    private IReadOnlyList<string> _children = [];
    private IReadOnlyList<PlainRoute> _routes = [];

    public Task Prepare(IReadOnlyList<string> children, IReadOnlyList<PlainRoute> routes)
    {
        _children = children;
        _routes = routes;
        return Task.CompletedTask;
    }

    public async Task<long> Mobilize(string leafletId)
    {
        var children = new Task<long>[_children.Count];
        for (var i = 0; i < children.Length; i++)
            children[i] = GrainFactory.GetGrain<IPlainUnitGrain>(_children[i]).Mobilize(leafletId);
        var routes = new Task<int>[_routes.Count];
        for (var i = 0; i < routes.Length; i++)
            routes[i] = GrainFactory.GetGrain<IPlainAgentGrain>(_routes[i].Agent).Deliver(leafletId, _routes[i].Homes);
        var reached = 0L;
        foreach (var homes in await Task.WhenAll(children)) reached += homes;
        foreach (var homes in await Task.WhenAll(routes)) reached += homes;
        return reached;
    }
}
