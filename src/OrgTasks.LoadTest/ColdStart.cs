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
        await Transient.RetryAsync(async () =>
        {
            await client.As(null, () => management.ForceActivationCollection(TimeSpan.Zero));
            return true;
        });
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
