using System.Diagnostics;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest.Baselines;

/// <summary>
/// Baseline (b): the same tree walked in plain C#, no actors: the committee awaits its districts, each unit its
/// children and its distributors with <c>Task.WhenAll</c>, and a distributor marks the homes of its route in a bit
/// array. What the work costs with no messaging at all.
/// </summary>
internal sealed class PlainWalkBaseline
{
    private readonly Node _root;
    private long _homes;

    /// <summary>Homes on the routes of agents some unit lists: what one walk must reach.</summary>
    public long Homes => _homes;

    public PlainWalkBaseline(OrganizationSpec spec)
    {
        var homes = spec.Agents.ToDictionary(a => a.Id, a => a.HomeCount, StringComparer.Ordinal);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal) { [spec.Committee.Id] = new Node() };
        foreach (var group in spec.Groups) nodes[group.Id] = new Node();
        var served = new HashSet<string>(StringComparer.Ordinal);
        void Serve(Node node, string agent)
        {
            if (!served.Add(agent) || homes.GetValueOrDefault(agent) == 0) return;
            node.Routes.Add(new bool[homes[agent]]);
            _homes += homes[agent];
        }
        foreach (var member in spec.Committee.Members) Serve(nodes[spec.Committee.Id], member.Agent);
        foreach (var group in spec.Groups)
        {
            nodes[group.Parent].Children.Add(nodes[group.Id]);
            foreach (var member in group.Members) Serve(nodes[group.Id], member);
        }
        _root = nodes[spec.Committee.Id];
    }

    public async Task<BaselineRun> RunAsync()
    {
        var cpu = ProcessFigures.CpuTime();
        var allocated = ProcessFigures.AllocatedBytes();
        var watch = Stopwatch.StartNew();
        var reached = await WalkAsync(_root);
        var run = new BaselineRun(watch.Elapsed.TotalSeconds, (ProcessFigures.CpuTime() - cpu).TotalSeconds, ProcessFigures.AllocatedBytes() - allocated);
        // Homes of agents no unit lists (held by the committee in OrgTasks) are not walked here; the rest must all be.
        if (reached != _homes) throw new InvalidOperationException($"plain walk reached {reached:N0} homes of {_homes:N0}");
        return run;
    }

    private static async Task<long> WalkAsync(Node node)
    {
        var work = new Task<long>[node.Children.Count + node.Routes.Count];
        var i = 0;
        foreach (var child in node.Children) work[i++] = Task.Run(() => WalkAsync(child));
        foreach (var route in node.Routes) work[i++] = DeliverAsync(route);
        var total = 0L;
        foreach (var homes in await Task.WhenAll(work)) total += homes;
        return total;
    }

    private static Task<long> DeliverAsync(bool[] route)
    {
        var newly = 0L;
        for (var h = 0; h < route.Length; h++)
        {
            if (route[h]) continue;
            route[h] = true;
            newly++;
        }
        Array.Clear(route); // ready for the next round: each run delivers every home again
        return Task.FromResult(newly);
    }

    private sealed class Node
    {
        public List<Node> Children { get; } = [];
        public List<bool[]> Routes { get; } = [];
    }
}
