namespace OrgTasks.Grains.Durability.Memory;

/// <summary>
/// The statement journal in this process's memory: for tests and quick demos on one silo. It survives grain
/// deactivation, not a process restart. One lock: statement traffic in memory is far from contended enough to need more.
/// </summary>
public sealed class MemoryStatementJournal : IStatementJournal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StatementHop>> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HeldStatement>> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InboxEntry>> _inboxes = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<bool>> AcceptAsync(string holder, IReadOnlyList<HeldStatement> statements)
    {
        var result = new bool[statements.Count];
        lock (_gate)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var held = statements[i];
                var id = held.Statement.Id;
                if (!_routes.TryGetValue(id, out var route)) _routes[id] = route = [];
                if (route.Exists(h => h.Holder == holder)) continue;
                result[i] = true;
                _statements.TryAdd(id, held.Statement);
                route.Add(held.Hop);
                if (held.Hop.Role == HopRole.Inbox)
                {
                    if (!_inboxes.TryGetValue(holder, out var inbox)) _inboxes[holder] = inbox = [];
                    inbox.Add(new InboxEntry { Statement = held.Statement, ArrivedAt = held.Hop.AcceptedAt, From = FromOf(route) });
                }
                else
                {
                    if (!_held.TryGetValue(holder, out var mine)) _held[holder] = mine = new(StringComparer.Ordinal);
                    mine[id] = held;
                }
            }
        }
        return Task.FromResult<IReadOnlyList<bool>>(result);
    }

    public Task MarkPassedAsync(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at)
    {
        lock (_gate)
        {
            _held.TryGetValue(holder, out var mine);
            foreach (var id in statementIds)
            {
                mine?.Remove(id);
                if (!_routes.TryGetValue(id, out var route)) continue;
                var index = route.FindIndex(h => h.Holder == holder);
                if (index >= 0 && route[index].PassedAt is null) route[index] = route[index] with { PassedAt = at, PassedTo = passedTo };
            }
            if (mine is { Count: 0 }) _held.Remove(holder);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HeldStatement>> LoadHeldAsync(string holder)
    {
        lock (_gate)
        {
            IReadOnlyList<HeldStatement> list = _held.TryGetValue(holder, out var mine)
                ? mine.Values.OrderBy(h => h.Hop.AcceptedAt).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<StatementHop>> LoadRouteAsync(string statementId)
    {
        lock (_gate)
        {
            IReadOnlyList<StatementHop> list = _routes.TryGetValue(statementId, out var route) ? route.ToList() : [];
            return Task.FromResult(list);
        }
    }

    public Task<Statement?> FindStatementAsync(string statementId)
    {
        lock (_gate) return Task.FromResult(_statements.GetValueOrDefault(statementId));
    }

    public Task<IReadOnlyList<InboxEntry>> LoadInboxAsync(string unit, int limit)
    {
        lock (_gate)
        {
            IReadOnlyList<InboxEntry> list = _inboxes.TryGetValue(unit, out var inbox)
                ? inbox.AsEnumerable().Reverse().Take(limit).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<HeldStatement>> LoadHeldSinceAsync(DateTimeOffset heldBefore, int limit)
    {
        lock (_gate)
        {
            IReadOnlyList<HeldStatement> list = _held.Values.SelectMany(m => m.Values)
                .Where(h => h.Hop.AcceptedAt <= heldBefore)
                .OrderBy(h => h.Hop.AcceptedAt)
                .Take(limit)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<string>> LoadHoldersAsync(int limit)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<string>>(_held.Keys.Take(limit).ToList());
    }

    /// <summary>The unit whose contact handed the statement in: the unit of the hop before the inbox.</summary>
    private static string FromOf(List<StatementHop> route) => route.Count >= 2 ? route[^2].Unit : route[^1].Unit;
}
