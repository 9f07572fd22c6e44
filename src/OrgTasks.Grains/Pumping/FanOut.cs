namespace OrgTasks.Grains.Pumping;

/// <summary>Calls many grains with a bound on how many calls are in flight, so one activation never floods the silo.</summary>
public static class FanOut
{
    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, int limit, Func<T, Task> call)
    {
        if (items.Count == 0) return;
        if (items.Count <= limit)
        {
            await Task.WhenAll(items.Select(call));
            return;
        }
        for (var start = 0; start < items.Count; start += limit)
        {
            var end = Math.Min(items.Count, start + limit);
            var batch = new Task[end - start];
            for (var i = start; i < end; i++) batch[i - start] = call(items[i]);
            await Task.WhenAll(batch);
        }
    }
}
