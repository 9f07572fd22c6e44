using System.Diagnostics;
using OrgTasks.Grains.Durability;

namespace OrgTasks.JournalBench;

/// <summary>
/// A citywide mobilization as the delivery journal sees it: 24,000 distributors at once, 42 homes each (1,008,000
/// homes), each recording its whole route in one call; then the same with the look-up every distributor makes first.
/// </summary>
internal static class DeliveryBench
{
    private const int Routes = 24_000;
    private const int HomesPerRoute = 42;

    public static async Task RunAsync(BenchDatabase database, IDeliveryJournal journal)
    {
        Console.WriteLine($"deliveries: {Routes:N0} routes x {HomesPerRoute} homes = {Routes * HomesPerRoute:N0} homes, all routes at once");
        for (var run = 1; run <= 3; run++)
        {
            var leaflet = "bench-leaflet-" + run;
            var before = await WriteCost.MeasureAsync(database, "journal_deliveries");
            var cpu = Machine.Cpu();
            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, Routes).Select(i => Task.Run(() =>
                journal.RecordAsync(leaflet, Route(i), Route(i), HomesPerRoute, HomeMask.All(HomesPerRoute), DateTimeOffset.UtcNow))));
            var seconds = clock.Elapsed.TotalSeconds;
            var clientCpu = (Machine.Cpu() - cpu).TotalSeconds;
            var cost = await WriteCost.MeasureAsync(database, "journal_deliveries") - before;
            Check(answers.Sum(a => (long)a.Newly), leaflet);
            Console.WriteLine($"  record, leaflet {run}: {seconds:0.000} s (client CPU {clientCpu:0.00} s), {Routes:N0} rows, " +
                              $"WAL {WriteCost.Bytes(cost.WalBytes)}, table +{WriteCost.Bytes(cost.TableBytes)}, load {Machine.Load()}");
        }
        for (var run = 4; run <= 5; run++)
        {
            // As AgentGrain.DeliverRoute does it: find the record, then record the homes it lacks.
            var leaflet = "bench-leaflet-" + run;
            var clock = Stopwatch.StartNew();
            var newly = await Task.WhenAll(Enumerable.Range(0, Routes).Select(i => Task.Run(async () =>
            {
                var existing = await journal.FindAsync(leaflet, Route(i));
                var missing = HomeMask.Missing(HomeMask.All(HomesPerRoute), existing?.Delivered);
                return (await journal.RecordAsync(leaflet, Route(i), Route(i), HomesPerRoute, missing, DateTimeOffset.UtcNow)).Newly;
            })));
            Check(newly.Sum(n => (long)n), leaflet);
            Console.WriteLine($"  find + record, leaflet {run}: {clock.Elapsed.TotalSeconds:0.000} s, load {Machine.Load()}");
        }
        var total = await database.ScalarAsync<long>("SELECT pg_total_relation_size('journal_deliveries')");
        Console.WriteLine($"  journal_deliveries after 5 leaflets: {WriteCost.Bytes(total)} ({WriteCost.Bytes(total / 5)} per leaflet)");
    }

    private static string Route(int i) => $"spb/d{i / 2_000:00}/f{i / 40 % 50:00}/g{i / 10 % 4}/agent-{i:00000}";

    private static void Check(long newly, string leaflet)
    {
        if (newly != (long)Routes * HomesPerRoute)
            throw new InvalidOperationException($"{leaflet}: {newly:N0} homes newly reached, expected {Routes * HomesPerRoute:N0}");
    }
}
