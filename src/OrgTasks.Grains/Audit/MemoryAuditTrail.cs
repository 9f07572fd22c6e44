using OrgTasks.Audit;

namespace OrgTasks.Grains.Audit;

/// <summary>The audit trail in this process's memory: for tests and quick demos on one silo; lost on stop.</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        lock (_gate) _entries.AddRange(entries);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEntry> found = _entries
                .Where(e => query.Since is not { } since || e.At >= since)
                .Where(e => AuditMatch.Actor(e.Actor, query.Actor))
                .OrderByDescending(e => e.At)
                .Take(Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit))
                .ToList();
            return Task.FromResult(found);
        }
    }
}
