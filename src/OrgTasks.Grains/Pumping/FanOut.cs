namespace OrgTasks.Grains.Pumping;

/// <summary>Calls many grains with a bound on how many calls are in flight, so one activation never floods the silo.</summary>
public static class FanOut
{
    /// <remarks>
    /// A sliding window, not batches: a new call starts as soon as one ends. Batches waited for their slowest call before
    /// the next started, and an apply nests them (the directory's batch of units, each unit's batch of its agents), so
    /// the silo sat idle behind stragglers at every level. A failed call fails the whole; calls already started finish.
    /// </remarks>
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, Func<T, Task> call)
    {
        if (items.Count == 0) return;
        if (items.Count <= limit)
        {
            await Task.WhenAll(items.Select(call));
            return;
        }
        var next = -1;
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count) await call(items[index]);
        }
        var workers = new Task[limit];
        for (var i = 0; i < limit; i++) workers[i] = Worker();
        await Task.WhenAll(workers);
    }
}
