using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// <c>--arrest-rate P</c>: that share of the distributors is arrested while the leaflet is travelling (all at once, as
/// a raid: one recomputation of the organization), and released once it has arrived, so the next leaflet starts from
/// the full organization again. The leaflet must still reach every home exactly once: an arrested distributor's route
/// passes to a standby member or is shared among the group's other distributors.
/// </summary>
internal sealed class ArrestPlan
{
    private readonly IReadOnlyList<string> _agents;

    private ArrestPlan(double rate, IReadOnlyList<string> agents)
    {
        Rate = rate;
        _agents = agents;
    }

    public double Rate { get; }

    public IReadOnlyList<string> Agents => _agents;

    /// <summary>Checks the rate (0 ≤ P &lt; 1) before anything is loaded or started.</summary>
    public static void Check(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate >= 1)
            throw new CliException($"--arrest-rate: {rate.ToString(CultureInfo.InvariantCulture)} is not a share from 0 up to (not including) 1, such as 0.05");
    }

    /// <summary>The plan for <paramref name="spec"/>; null for no arrests.</summary>
    public static ArrestPlan? Create(double rate, OrganizationSpec spec, int seed = 1902)
    {
        Check(rate);
        return rate == 0 ? null : new ArrestPlan(rate, Pick(spec, rate, seed));
    }

    /// <summary>
    /// Which distributors to arrest: <paramref name="rate"/> of those with homes, chosen at random with a fixed seed so
    /// a run can be repeated. A group's contact is as likely to be taken as anyone: that is the interesting case. An
    /// agent whose arrest would cut its group off (no contact or alternate left, or nobody left) is passed over: a
    /// cut-off group holds the leaflet until it is back, and this plan releases only after the leaflet has arrived.
    /// </summary>
    public static IReadOnlyList<string> Pick(OrganizationSpec spec, double rate, int seed)
    {
        var distributors = spec.Agents.Where(a => a.HomeCount > 0).Select(a => a.Id).ToArray();
        var count = (int)Math.Round(distributors.Length * rate);
        new Random(seed).Shuffle(distributors);
        var groupsOf = spec.Groups.SelectMany(g => g.Members.Select(m => (Member: m, Group: g))).ToLookup(p => p.Member, p => p.Group, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        bool Taken(string agent, string candidate) => agent == candidate || taken.Contains(agent);
        foreach (var agent in distributors)
        {
            if (taken.Count == count) break;
            if (groupsOf[agent].Any(g => g.Alternates.Prepend(g.Contact).All(c => Taken(c, agent)) || g.Members.All(m => Taken(m, agent)))) continue;
            taken.Add(agent);
        }
        return distributors.Where(taken.Contains).ToList();
    }

    /// <summary>Arrests every chosen agent while the leaflet travels.</summary>
    public Func<CancellationToken, Task> WhileTravelling(OrgTasksClient client) => async cancellation =>
    {
        if (_agents.Count > 0) await client.ArrestAllAsync(_agents, cancellation);
    };

    /// <summary>Releases them after the leaflet has arrived.</summary>
    public async Task ReleaseAllAsync(OrgTasksClient client, CancellationToken cancellation)
    {
        if (_agents.Count > 0) await client.ReleaseAllAsync(_agents, cancellation);
    }
}
