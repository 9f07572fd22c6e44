using System.Collections.Concurrent;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Organization;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// A unit's first pass over a leaflet can finish in the very turn that received it: a group with no routes and no
/// groups below (a reading circle, a special group) has nothing to wait for. It must still answer the unit above with
/// its coverage; before, its answer failed (the pass had already let go of what the call waited on) and the unit
/// above retried a second later.
/// </summary>
[Trait("Category", "Grains")]
public sealed class FirstPassInOneTurnTests : IAsyncLifetime
{
    private const string City = """
        organization: oneturn
        committee:
          id: ot
          contact: jerjoma
          members:
            - { agent: jerjoma, function: secretary }
        groups:
          - { id: ot/narva, kind: district, parent: ot, contact: petya, members: [petya] }
          - { id: ot/narva/readers, kind: reading, parent: ot/narva, contact: olga, members: [olga] }
          - { id: ot/narva/putilov, kind: distribution, parent: ot/narva, contact: vanya, members: [vanya, kolya] }
        agents:
          - { id: jerjoma }
          - { id: petya }
          - { id: olga }
          - { id: vanya, homes: 5 }
          - { id: kolya, homes: 7 }
        """;

    private readonly FailedCalls _failed = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await MemoryTestCluster.StartAsync(configure: silo => silo.AddIncomingGrainCallFilter(_failed));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_group_without_routes_or_groups_below_answers_the_unit_above_with_its_coverage_at_once()
    {
        var client = new OrgTasksClient(_cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(OrgFile.Parse(City, "oneturn.yaml").Organization!);

        var id = await client.IssueLeafletAsync("ot", "Read and pass on", "text");
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(id), s => s.Complete, what: "the leaflet complete");

        Assert.Equal((12L, 12L, 0L), (done.HomesTotal, done.HomesReached, done.Duplicates));
        Assert.Empty(_failed.Calls);
    }

    /// <summary>Grain calls that failed, by method and target.</summary>
    private sealed class FailedCalls : IIncomingGrainCallFilter
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyCollection<string> Calls => _calls;

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            try
            {
                await context.Invoke();
            }
            catch (Exception error)
            {
                _calls.Enqueue($"{context.MethodName} to {context.TargetId}: {error.GetType().Name} {error.Message}");
                throw;
            }
        }
    }
}
