using System.Diagnostics;
using OrgTasks.Client.Connection;

namespace OrgTasks.LoadTest;

/// <summary>
/// Makes the next leaflet a cold one: applying a city activates every grain, so without this the "first" leaflet would
/// meet an organization already awake. Every idle activation is collected (its state stays in the store), and the next
/// leaflet activates ~27,000 grains on its way, as after a silo restart.
/// </summary>
internal static class ColdStart
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>A collection of every activation of the 1M city answers in seconds; an attempt is given this long at first.</summary>
    private static readonly TimeSpan CollectionAttemptLimit = TimeSpan.FromSeconds(30);

    /// <summary>How long the collection is retried in all (attempts of 30 s, 60 s, … after a silo died).</summary>
    private static readonly TimeSpan CollectionBudget = TimeSpan.FromMinutes(3);

    /// <summary>Returns how many activations were left (Orleans' own system grains stay).</summary>
    public static async Task<int> PutToSleepAsync(OrgTasksClient client, TextWriter progress)
    {
        // Orleans' management grain answers the operator only.
        var management = client.Grains.GetGrain<IManagementGrain>(0);
        // Both calls are safe to repeat, so a silo that dies meanwhile costs a retry, not the run.
        Task<int> CountAsync() => Transient.RetryAsync(() => client.As(null, () => management.GetTotalActivationCount()),
            budget: null, Transient.QuickAttemptLimit);
        var before = await CountAsync();
        progress.WriteLine($"loadtest: putting {Format.Count(before)} activations to sleep for a cold start …");
        // With a limit per attempt: a collection that was on its way through a silo that died gets no answer at all,
        // and the load test's 10-minute call timeout would hold the run (a chaos soak once waited past its own end).
        await Transient.RetryAsync(async () =>
        {
            await client.As(null, () => management.ForceActivationCollection(TimeSpan.Zero));
            return true;
        }, CollectionBudget, CollectionAttemptLimit);
        var watch = Stopwatch.StartNew();
        var now = await CountAsync();
        // Deactivation runs in the background after the call returns: wait until the count stops falling.
        while (watch.Elapsed < Limit)
        {
            await Task.Delay(200);
            var next = await CountAsync();
            if (next >= now) break;
            now = next;
        }
        progress.WriteLine($"loadtest: {Format.Count(now)} activations left");
        return now;
    }
}
