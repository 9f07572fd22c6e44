using System.Collections.Concurrent;

namespace OrgTasks.Grains.Durability.Memory;

/// <summary>
/// The statement journal in this process's memory: for tests and quick demos on one silo. It survives grain
/// deactivation, not a process restart.
/// </summary>
/// <remarks>
/// A lock per record, not one for the journal: every hop of every statement writes here twice, and with one lock the
/// silo's threads spent 7 % of their time spinning for it at 18,000 statements/s (<c>loadtest statements</c>). A
/// statement's route, a holder's held statements and an inbox each have their own lock; a route is the one place that
/// decides whether a hop is new, so a retried hand-over is still accepted once.
/// </remarks>
public sealed class MemoryStatementJournal : IStatementJournal
{
    private readonly ConcurrentDictionary<string, Statement> _statements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<StatementHop>> _routes = new(StringComparer.Ordinal);
    /// <summary>Per holder; kept once made, even when empty, so that a writer never adds to a set another has just dropped.</summary>
    private readonly ConcurrentDictionary<string, Dictionary<string, HeldStatement>> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<InboxEntry>> _inboxes = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<bool>> AcceptAsync(string holder, IReadOnlyList<HeldStatement> statements)
    {
        var result = new bool[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var held = statements[i];
            var id = held.Statement.Id;
            _statements.TryAdd(id, held.Statement); // first, so a reader who finds the route finds the statement
            var route = _routes.GetOrAdd(id, static _ => []);
            string from;
            lock (route)
            {
                if (IndexOf(route, holder) >= 0) continue;
                route.Add(held.Hop);
                from = FromOf(route);
            }
            result[i] = true;
            if (held.Hop.Role == HopRole.Inbox)
            {
                var inbox = _inboxes.GetOrAdd(holder, static _ => []);
                lock (inbox) inbox.Add(new InboxEntry { Statement = held.Statement, ArrivedAt = held.Hop.AcceptedAt, From = from });
            }
            else
            {
                var mine = _held.GetOrAdd(holder, static _ => new(StringComparer.Ordinal));
                lock (mine) mine[id] = held;
            }
        }
        return Task.FromResult<IReadOnlyList<bool>>(result);
    }

    public Task MarkPassedAsync(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at)
    {
        if (_held.TryGetValue(holder, out var mine))
        {
            lock (mine)
            {
                foreach (var id in statementIds) mine.Remove(id);
            }
        }
        foreach (var id in statementIds)
        {
            if (!_routes.TryGetValue(id, out var route)) continue;
            lock (route)
            {
                var index = IndexOf(route, holder);
                if (index >= 0 && route[index].PassedAt is null) route[index] = route[index] with { PassedAt = at, PassedTo = passedTo };
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HeldStatement>> LoadHeldAsync(string holder)
    {
        IReadOnlyList<HeldStatement> list = [];
        if (_held.TryGetValue(holder, out var mine))
        {
            lock (mine) list = mine.Values.OrderBy(h => h.Hop.AcceptedAt).ToList();
        }
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<StatementHop>> LoadRouteAsync(string statementId)
    {
        IReadOnlyList<StatementHop> list = [];
        if (_routes.TryGetValue(statementId, out var route))
        {
            lock (route) list = route.ToList();
        }
        return Task.FromResult(list);
    }

    public Task<Statement?> FindStatementAsync(string statementId) =>
        Task.FromResult(_statements.GetValueOrDefault(statementId));

    public Task<IReadOnlyList<InboxEntry>> LoadInboxAsync(string unit, int limit)
    {
        IReadOnlyList<InboxEntry> list = [];
        if (_inboxes.TryGetValue(unit, out var inbox))
        {
            lock (inbox) list = inbox.AsEnumerable().Reverse().Take(limit).ToList();
        }
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<HeldStatement>> LoadHeldSinceAsync(DateTimeOffset heldBefore, int limit)
    {
        var found = new List<HeldStatement>();
        foreach (var mine in _held.Values)
        {
            lock (mine) found.AddRange(mine.Values.Where(h => h.Hop.AcceptedAt <= heldBefore));
        }
        IReadOnlyList<HeldStatement> list = found.OrderBy(h => h.Hop.AcceptedAt).Take(limit).ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<string>> LoadHoldersAsync(int limit)
    {
        var holders = new List<string>();
        foreach (var (holder, mine) in _held)
        {
            if (holders.Count >= limit) break;
            lock (mine)
            {
                if (mine.Count > 0) holders.Add(holder);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>(holders);
    }

    /// <summary>The holder's hop on a route, or -1; a loop, not a predicate: it runs for every hop of every statement.</summary>
    private static int IndexOf(List<StatementHop> route, string holder)
    {
        for (var i = 0; i < route.Count; i++)
        {
            if (route[i].Holder == holder) return i;
        }
        return -1;
    }

    /// <summary>The unit whose contact handed the statement in: the unit of the hop before the inbox.</summary>
    private static string FromOf(List<StatementHop> route) => route.Count >= 2 ? route[^2].Unit : route[^1].Unit;
}
