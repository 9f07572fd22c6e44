using System.Collections.Concurrent;
using OrgTasks.Grains;

namespace OrgTasks.Tests.Live;

/// <summary>
/// Counts, at the trackers themselves, the distinct watchers that watched each leaflet and the watches ended: what
/// "one observer per leaflet per silo" means, counted where it costs. Registered in the test servers' silos.
/// </summary>
public sealed class WatchCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<GrainId, byte>> Watching = new();
    private static readonly ConcurrentDictionary<string, int> Ended = new();

    public static int Watchers(string leaflet) => Watching.TryGetValue(leaflet, out var set) ? set.Count : 0;

    public static int Unwatched(string leaflet) => Ended.GetValueOrDefault(leaflet);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.DeclaringType != typeof(IWatchedLeaflet)) return;
        var leaflet = context.TargetId.Key.ToString()!;
        if (context.Request.GetArgument(0) is not GrainReference watcher) return;
        if (context.InterfaceMethod.Name == nameof(IWatchedLeaflet.Watch))
            Watching.GetOrAdd(leaflet, _ => new()).TryAdd(watcher.GetGrainId(), 0);
        else
            Ended.AddOrUpdate(leaflet, 1, (_, n) => n + 1);
    }
}
