using OrgTasks.Grains;
using OrgTasks.Grains.WarmUp;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>Counts the calls a silo's start-up warm-up makes to its throwaway agents (an incoming filter, one instance).</summary>
public sealed class WarmUpCalls : IIncomingGrainCallFilter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IAgentGrain.GetConfig)
            && context.TargetId.Key.ToString() is { } key && key.StartsWith(WarmUpAtStartup.KeyPrefix, StringComparison.Ordinal))
            Interlocked.Increment(ref _count);
        return context.Invoke();
    }
}
