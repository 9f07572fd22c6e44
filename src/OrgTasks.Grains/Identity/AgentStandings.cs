namespace OrgTasks.Grains.Identity;

/// <summary>
/// This silo's copy of every agent who is not free (arrested or suspended). The registry grain updates it at once on
/// its own silo; <see cref="AccessRefresher"/> keeps the copies on the other silos within
/// <see cref="OrgTasksOptions.StandingsRefresh"/>. Read on every call that carries an agent's identity, so it is a
/// lock-free swap of an immutable snapshot.
/// </summary>
public sealed class AgentStandings
{
    private volatile OrgTasks.Life.Standings _current = new() { Version = 0 };

    public long Version => _current.Version;

    public AgentStanding Of(string agent) =>
        _current.NotFree.TryGetValue(agent, out var standing) ? standing : AgentStanding.Free;

    /// <summary>The standing in words, for refusals: "arrested", "suspended under a warning".</summary>
    public static string Spell(AgentStanding standing) => standing switch
    {
        AgentStanding.Arrested => "arrested",
        AgentStanding.Suspended => "suspended under a warning",
        _ => "free",
    };

    public bool IsOutOfAction(string agent) => Of(agent) != AgentStanding.Free;

    public bool IsSuspended(string agent) => Of(agent) == AgentStanding.Suspended;

    /// <summary>Takes a newer snapshot; an older one (a late answer) is ignored.</summary>
    public void Update(OrgTasks.Life.Standings standings)
    {
        while (true)
        {
            var current = _current;
            if (standings.Version <= current.Version) return;
            if (Interlocked.CompareExchange(ref _current, standings, current) == current) return;
        }
    }
}
