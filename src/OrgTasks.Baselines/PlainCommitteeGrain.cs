namespace OrgTasks.Baselines;

/// <summary>
/// The newcomer's fan-out, on purpose without what OrgTasks adds: every distributor called from one activation in one
/// turn, no bound on calls in flight, nothing stored, nothing retried, no picture. Its time is the yardstick the load
/// test holds OrgTasks' own mobilization against.
/// </summary>
public sealed class PlainCommitteeGrain : Grain, IPlainCommitteeGrain
{
    private IReadOnlyList<PlainRoute> _routes = [];

    public Task Prepare(IReadOnlyList<PlainRoute> routes)
    {
        _routes = routes;
        return Task.CompletedTask;
    }

    public async Task<long> Mobilize(string leafletId)
    {
        var calls = new Task<int>[_routes.Count];
        for (var i = 0; i < calls.Length; i++)
            calls[i] = GrainFactory.GetGrain<IPlainAgentGrain>(_routes[i].Agent).Deliver(leafletId, _routes[i].Homes);
        var reached = 0L;
        foreach (var homes in await Task.WhenAll(calls)) reached += homes;
        return reached;
    }
}
