using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Durability.Memory;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// A unit keeps the unit above waiting for its subtree's first pass only for <see cref="OrgTasksOptions.FirstPassWait"/>:
/// a call that waits on agents keeps the unit busy, and a busy unit that Orleans must deactivate (its directory entry was
/// on a silo that died) would hold the agents waiting on it until the call timeout. Here one distributor cannot record
/// its route until the test lets it; the units above must be answered meanwhile, and the leaflet still completes, each
/// home once, with the coverage reported later.
/// </summary>
[Trait("Category", "Grains")]
public sealed class FirstPassWaitTests
{
    [Fact]
    public async Task A_unit_whose_first_pass_is_stuck_answers_the_unit_above_after_the_wait_and_reports_its_coverage_when_done()
    {
        var city = TestCity.Create(districts: 2, homesPerAgent: 2);
        var stuck = city.Distributor(1, 1, 1);
        var gate = new RouteGate(stuck);
        var answers = new LeafletAnswers();
        await using var cluster = await MemoryTestCluster.StartAsync(
            options: o =>
            {
                o.WarmUpActivations = 0;
                o.FirstPassWait = TimeSpan.FromSeconds(1);
                o.SendOutWait = TimeSpan.FromMinutes(10); // the stuck distributor is not asked again by a call meanwhile
            },
            configure: silo =>
            {
                silo.Services.AddSingleton<IDeliveryJournal>(new GatedDeliveryJournal(new MemoryDeliveryJournal(), gate));
                silo.AddIncomingGrainCallFilter(answers);
            });
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        var leaflet = await client.IssueLeafletAsync(city.Committee, "Stuck below", "text");
        // The stuck group, its factory and its district each answer the unit above while the route is still not recorded.
        await Poll.UntilAsync(() => Task.FromResult(answers.Answered),
            answered => answered.Contains(city.Group(1, 1)) && answered.Contains(city.Factory(1)) && answered.Contains(city.District(1)),
            TimeSpan.FromSeconds(30), "the units above the stuck distributor answered");
        // The tracker counts a group's homes when the group completes: all but the stuck group's 3 routes of 2 homes.
        var meanwhile = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.HomesReached == s.HomesTotal - 3 * 2,
            TimeSpan.FromSeconds(30), "every other group's homes reached");
        Assert.False(meanwhile.Complete);
        Assert.False(gate.IsOpen);

        gate.Open();
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(30), "the leaflet complete");
        Assert.Equal((done.HomesTotal, 0L), (done.HomesReached, done.Duplicates));
        Assert.Equal(2 * 2 * 3 * 2, done.HomesTotal);
    }

    /// <summary>Units that answered a <see cref="ILeafletReceiver.ReceiveLeaflet"/> call.</summary>
    private sealed class LeafletAnswers : IIncomingGrainCallFilter
    {
        private readonly ConcurrentDictionary<string, bool> _answered = new(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Answered => _answered.Keys.ToList();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            if (context.MethodName == nameof(ILeafletReceiver.ReceiveLeaflet)) _answered[context.TargetId.Key.ToString()!] = true;
        }
    }

    /// <summary>Holds the recording of one route until it is opened.</summary>
    private sealed class RouteGate(string route)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsOpen => _open.Task.IsCompleted;

        public Task PassAsync(string candidate) => candidate == route ? _open.Task : Task.CompletedTask;

        public void Open() => _open.TrySetResult();
    }

    private sealed class GatedDeliveryJournal(IDeliveryJournal inner, RouteGate gate) : IDeliveryJournal
    {
        public async Task<(DeliveryRecord Record, int Newly)> RecordAsync(string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at)
        {
            await gate.PassAsync(route);
            return await inner.RecordAsync(leafletId, route, deliveredBy, homesOnRoute, homes, at);
        }

        public Task<DeliveryRecord?> FindAsync(string leafletId, string route) => inner.FindAsync(leafletId, route);

        public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId) => inner.LoadLeafletAsync(leafletId);
    }
}
