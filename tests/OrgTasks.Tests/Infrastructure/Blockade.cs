using System.Collections.Concurrent;
using Orleans;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// Fault injection for tests: calls of a named method to a named grain key fail while blocked, as if the grain's
/// silo were unreachable. Lets a test hold a statement at a hop, or keep a distributor from delivering.
/// </summary>
public sealed class Blockade
{
    private readonly ConcurrentDictionary<(string Key, string Method), int> _blocked = new();

    public void Block(string grainKey, string method) => _blocked[(grainKey, method)] = 0;

    public void Lift(string grainKey, string method) => _blocked.TryRemove((grainKey, method), out _);

    /// <summary>
    /// Keeps a distributor from delivering: both ways a unit reaches it, sent out one-way (<c>SendOut</c>) and asked
    /// (<c>DeliverRoute</c>, which the unit uses once its wait for the one-way call is over).
    /// </summary>
    public void BlockDeliveries(string agent)
    {
        Block(agent, "SendOut");
        Block(agent, "DeliverRoute");
    }

    public void LiftDeliveries(string agent)
    {
        Lift(agent, "SendOut");
        Lift(agent, "DeliverRoute");
    }

    /// <summary>How many calls were refused while blocked: proves the sender really retried.</summary>
    public int Refused(string grainKey, string method) => _blocked.TryGetValue((grainKey, method), out var n) ? n : 0;

    internal bool Refuses(string grainKey, string method)
    {
        if (!_blocked.ContainsKey((grainKey, method))) return false;
        _blocked.AddOrUpdate((grainKey, method), 1, (_, n) => n + 1);
        return true;
    }
}

/// <summary>The incoming filter that enforces the <see cref="Blockade"/>.</summary>
public sealed class BlockadeFilter(Blockade blockade) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (blockade.Refuses(context.TargetId.Key.ToString()!, context.MethodName))
            throw new TimeoutException($"blockade: {context.MethodName} to {context.TargetId.Key} did not get through");
        return context.Invoke();
    }
}
