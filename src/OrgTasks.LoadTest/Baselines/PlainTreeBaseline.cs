using System.Diagnostics;
using OrgTasks.Baselines;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest.Baselines;

/// <summary>
/// Baseline (c), in the same silo as OrgTasks: the bare grain tree (see <see cref="PlainUnitGrain"/>): the same units
/// and distributors as the organization file, a grain each, request/response tree reduction and nothing else. Timed
/// from the client: one call to the committee's grain that returns when its whole subtree has answered.
/// </summary>
internal sealed class PlainTreeBaseline(OrgTasksClient client, OrganizationSpec spec)
{
    private const string Prefix = "tree-";

    private long _homes;

    private IPlainUnitGrain Unit(string id) => client.Grains.GetGrain<IPlainUnitGrain>(Prefix + id);

    /// <summary>
    /// Hands every unit its children and distributors; not part of any timing. Each agent is served once, by the first
    /// unit that lists it (as in baseline (b)); the distributors are baseline (a)'s grains, so no agent activates twice.
    /// </summary>
    public async Task PrepareAsync()
    {
        var homes = spec.Agents.ToDictionary(a => a.Id, a => a.HomeCount, StringComparer.Ordinal);
        var served = new HashSet<string>(StringComparer.Ordinal);
        List<PlainRoute> Routes(IEnumerable<string> members)
        {
            var routes = new List<PlainRoute>();
            foreach (var agent in members)
            {
                if (homes.GetValueOrDefault(agent) == 0 || !served.Add(agent)) continue;
                routes.Add(new PlainRoute("baseline-" + agent, homes[agent]));
                _homes += homes[agent];
            }
            return routes;
        }
        var children = spec.Groups.ToLookup(g => g.Parent, g => Prefix + g.Id, StringComparer.Ordinal);
        var prepared = new List<(string Id, List<string> Children, List<PlainRoute> Routes)>
        {
            (spec.Committee.Id, children[spec.Committee.Id].ToList(), Routes(spec.Committee.Members.Select(m => m.Agent))),
        };
        foreach (var group in spec.Groups) prepared.Add((group.Id, children[group.Id].ToList(), Routes(group.Members)));
        await client.As(null, async () =>
        {
            foreach (var chunk in prepared.Chunk(256))
                await Task.WhenAll(chunk.Select(u => Unit(u.Id).Prepare(u.Children, u.Routes)));
        });
    }

    /// <summary>Time until the committee's grain answered for its whole subtree, and this process's CPU time meanwhile.</summary>
    public async Task<BaselineRun> RunAsync()
    {
        var cpu = ProcessFigures.CpuTime();
        var allocated = ProcessFigures.AllocatedBytes();
        var watch = Stopwatch.StartNew();
        var reached = await client.As(null, () => Unit(spec.Committee.Id).Mobilize(Ids.NewLeafletId()));
        var run = new BaselineRun(watch.Elapsed.TotalSeconds, (ProcessFigures.CpuTime() - cpu).TotalSeconds, ProcessFigures.AllocatedBytes() - allocated);
        if (reached != _homes)
            throw new InvalidOperationException($"baseline tree reached {reached:N0} of {_homes:N0} homes");
        return run;
    }
}
