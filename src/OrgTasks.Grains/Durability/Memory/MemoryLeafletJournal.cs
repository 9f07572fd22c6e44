namespace OrgTasks.Grains.Durability.Memory;

/// <summary>The leaflet journal in this process's memory: for tests and quick demos on one silo.</summary>
public sealed class MemoryLeafletJournal : ILeafletJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Unit, string Leaflet), UnitLeafletRecord> _records = new();
    private readonly Dictionary<string, HashSet<string>> _unfinished = new(StringComparer.Ordinal);

    public Task<UnitLeafletRecord> AcceptAsync(string unit, Leaflet leaflet, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_records.TryGetValue((unit, leaflet.Id), out var existing)) return Task.FromResult(existing);
            var record = new UnitLeafletRecord(leaflet, UnitLeafletStage.Open, null, at);
            _records[(unit, leaflet.Id)] = record;
            Unfinished(unit).Add(leaflet.Id);
            return Task.FromResult(record);
        }
    }

    public Task<UnitLeafletRecord?> FindAsync(string unit, string leafletId)
    {
        lock (_gate) return Task.FromResult(_records.GetValueOrDefault((unit, leafletId)));
    }

    public Task CompleteAsync(string unit, string leafletId, SubtreeCoverage coverage)
    {
        lock (_gate)
        {
            if (_records.TryGetValue((unit, leafletId), out var record) && record.Stage == UnitLeafletStage.Open)
                _records[(unit, leafletId)] = record with { Stage = UnitLeafletStage.Complete, Coverage = coverage };
        }
        return Task.CompletedTask;
    }

    public Task MarkReportedAsync(string unit, string leafletId)
    {
        lock (_gate)
        {
            if (_records.TryGetValue((unit, leafletId), out var record) && record.Stage == UnitLeafletStage.Complete)
                _records[(unit, leafletId)] = record with { Stage = UnitLeafletStage.Reported };
            if (_unfinished.TryGetValue(unit, out var set) && set.Remove(leafletId) && set.Count == 0) _unfinished.Remove(unit);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UnitLeafletRecord>> LoadUnfinishedAsync(string unit)
    {
        lock (_gate)
        {
            IReadOnlyList<UnitLeafletRecord> list = _unfinished.TryGetValue(unit, out var set)
                ? set.Select(id => _records[(unit, id)]).OrderBy(r => r.AcceptedAt).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    private HashSet<string> Unfinished(string unit)
    {
        if (!_unfinished.TryGetValue(unit, out var set)) _unfinished[unit] = set = new(StringComparer.Ordinal);
        return set;
    }
}
