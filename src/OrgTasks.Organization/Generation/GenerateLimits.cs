namespace OrgTasks.Organization.Generation;

/// <summary>
/// Upper bounds that keep a typo in <c>generate</c> or <c>homes</c> from exhausting memory: homes are counts
/// and cheap, but every generated agent and group is an object here and a grain in the cluster.
/// </summary>
public static class GenerateLimits
{
    /// <summary>Fifty times the million-home demo city.</summary>
    public const long MaxHomes = 50_000_000;

    /// <summary>Forty times the demo city's 25,224 agents.</summary>
    public const long MaxAgents = 1_000_000;

    /// <summary>The longest route one agent may hold, written out or counted.</summary>
    public const long MaxHomesPerAgent = 1_000_000;
}
