namespace OrgTasks.Baselines;

/// <summary>Delivers by counting: the least a distributor grain can do, so the baseline measures Orleans' messaging alone.</summary>
public sealed class PlainAgentGrain : Grain, IPlainAgentGrain
{
    private string? _lastLeaflet;
    private int _delivered;

    public Task<int> Deliver(string leafletId, int homes)
    {
        // Remembers the last leaflet so a repeat is not counted twice: the one courtesy a newcomer would still add.
        if (_lastLeaflet == leafletId) return Task.FromResult(0);
        _lastLeaflet = leafletId;
        _delivered += homes;
        return Task.FromResult(homes);
    }
}
