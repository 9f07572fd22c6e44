using OrgTasks.Organization;

namespace OrgTasks.Cli.LoadTest;

/// <summary>
/// <c>--arrest-rate P</c>: that share of the distributors is arrested while the leaflet is travelling, and released
/// once it has arrived, so the next leaflet starts from the full organization again. The leaflet must still reach every
/// home exactly once: an arrested distributor's route passes to an alternate.
/// <para>
/// The one seam to the arrests of the organization-life issue is <see cref="Arrest"/>/<see cref="Release"/>: until
/// that work is merged into this build they are null, and a rate above 0 is refused before anything starts.
/// </para>
/// </summary>
internal sealed class ArrestPlan
{
    /// <summary>Exit code of a rate above 0 in a build without arrests.</summary>
    public const int NotInThisBuild = 2;

    /// <summary>Arrests an agent (<c>OrgTasksClient.ArrestAsync</c> once merged); null while this build has no arrests.</summary>
    public static readonly Func<OrgTasksClient, string, CancellationToken, Task>? Arrest = null;

    /// <summary>Releases an agent (<c>OrgTasksClient.ReleaseAsync</c> once merged).</summary>
    public static readonly Func<OrgTasksClient, string, CancellationToken, Task>? Release = null;

    private readonly IReadOnlyList<string> _agents;

    private ArrestPlan(double rate, IReadOnlyList<string> agents)
    {
        Rate = rate;
        _agents = agents;
    }

    public double Rate { get; }

    public IReadOnlyList<string> Agents => _agents;

    /// <summary>Checks the rate (0 ≤ P &lt; 1) and that this build can arrest, before anything is loaded or started.</summary>
    public static void Check(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate >= 1)
            throw new CliException($"--arrest-rate: {rate.ToString(CultureInfo.InvariantCulture)} is not a share from 0 up to (not including) 1, such as 0.05");
        if (rate > 0 && (Arrest is null || Release is null))
            throw new CliException("--arrest-rate: arrests are not in this build (they come with the organization-life issue); run without it or with 0",
                NotInThisBuild);
    }

    /// <summary>The plan for <paramref name="spec"/>; null for no arrests.</summary>
    public static ArrestPlan? Create(double rate, OrganizationSpec spec, int seed = 1902)
    {
        Check(rate);
        return rate == 0 ? null : new ArrestPlan(rate, Pick(spec, rate, seed));
    }

    /// <summary>
    /// Which distributors to arrest: <paramref name="rate"/> of those with homes, chosen at random with a fixed seed so
    /// a run can be repeated. A group's contact is as likely to be taken as anyone: that is the interesting case.
    /// </summary>
    public static IReadOnlyList<string> Pick(OrganizationSpec spec, double rate, int seed)
    {
        var distributors = spec.Agents.Where(a => a.HomeCount > 0).Select(a => a.Id).ToArray();
        var count = (int)Math.Round(distributors.Length * rate);
        new Random(seed).Shuffle(distributors);
        return distributors.Take(count).ToList();
    }

    /// <summary>Arrests every chosen agent while the leaflet travels (all at once, as a raid would).</summary>
    public Func<CancellationToken, Task> WhileTravelling(OrgTasksClient client) => cancellation =>
        Parallel.ForEachAsync(_agents, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellation },
            async (agent, token) => await Arrest!(client, agent, token));

    /// <summary>Releases them after the leaflet has arrived.</summary>
    public Task ReleaseAllAsync(OrgTasksClient client, CancellationToken cancellation) =>
        Parallel.ForEachAsync(_agents, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellation },
            async (agent, token) => await Release!(client, agent, token));
}
