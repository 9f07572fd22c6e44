namespace OrgTasks.Grains;

/// <summary>How the organization's grains behave. Bound from the <c>OrgTasks</c> configuration section.</summary>
public sealed class OrgTasksOptions
{
    public const string Section = "OrgTasks";

    /// <summary>A statement held at one hop longer than this is a breach that names the contact. Default: 5 minutes.</summary>
    public TimeSpan BreachAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a holder waits before trying an unacknowledged hand-over again. Default: 1 second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a unit waits to hear from the distributors it sent out with a leaflet (one-way) before it asks each one
    /// not heard from with a call. A message lost with a silo that went down costs this long, never a home. Default: 10 seconds.
    /// </summary>
    public TimeSpan SendOutWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a unit keeps the unit above waiting for its subtree's first pass, to answer with the coverage. After
    /// that it answers without it and reports the coverage when the subtree is done. A call that waits on agents keeps
    /// the unit busy: when Orleans deactivates the unit (its directory entry was on a silo that died), an agent waiting
    /// on the unit and the unit waiting on the agent would hold each other until the call timeout. Default: 5 seconds.
    /// </summary>
    public TimeSpan FirstPassWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often open leaflets and held statements are swept after a restart so that nothing waits for a client to
    /// wake it. Orleans reminders tick once a minute at the fastest. Default: 1 minute.
    /// </summary>
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest statement text accepted, in characters. Default: 20,000.</summary>
    public int MaxStatementLength { get; set; } = 20_000;

    /// <summary>Longest leaflet text accepted, in characters. Default: 200,000.</summary>
    public int MaxLeafletLength { get; set; } = 200_000;

    /// <summary>Longest leaflet title accepted, in characters. Default: 500.</summary>
    public int MaxLeafletTitleLength { get; set; } = 500;

    /// <summary>
    /// Most statements one call may carry at any hop (a member's hand-in, a unit to its contact, a contact to the unit
    /// above); every hop also sends in chunks of at most this many. Default: 256.
    /// </summary>
    public int MaxStatementsPerCall { get; set; } = 256;

    /// <summary>
    /// Most homes one route may have, written out or counted: a distributor refuses a share of a larger route before it
    /// allocates anything for it. The organization file allows the same. Default: 1,000,000.
    /// </summary>
    public int MaxRouteHomes { get; set; } = 1_000_000;

    /// <summary>Most entries one list call may ask for (an inbox, a unit's notices). Default: 10,000.</summary>
    public int MaxListLimit { get; set; } = 10_000;

    /// <summary>Most calls one unit or the directory has in flight at once when fanning out. Default: 512.</summary>
    public int FanOutLimit { get; set; } = 512;

    /// <summary>
    /// How many throwaway agents a silo activates at start-up, before it is ready, so that its first mobilization runs
    /// on compiled code (<see cref="WarmUp.WarmUpAtStartup"/>); 0 turns the warm-up off. More than the runtime's
    /// promotion threshold (<c>DOTNET_TC_CallCountThreshold</c>, 4,096 in every deployment file) compiles the
    /// activation path fully. Default: 5,000.
    /// </summary>
    public int WarmUpActivations { get; set; } = 5_000;

    /// <summary>
    /// How often each silo refreshes its list of arrested and suspended agents from the registry. The silo that holds
    /// the registry learns of an arrest or a warning at once; the others within this interval. Default: 1 second.
    /// </summary>
    public TimeSpan StandingsRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most notices a unit keeps (the oldest go first). Default: 200.</summary>
    public int NoticesKept { get; set; } = 200;

    /// <summary>
    /// How often each organization's routine wakes (one reminder per organization, never one per unit) to do what is
    /// due: routine distributions, report rounds, overdue flags, the idle alarm, the digest. Default: 1 minute.
    /// </summary>
    public TimeSpan RoutineInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Share of a leaflet's units that record spans (<c>leaflet.accept</c>, <c>leaflet.unit.complete</c>) when tracing
    /// is on, from 0 (none) to 1 (every unit). A citywide mobilization touches thousands of units, so all of them would
    /// swamp a trace store; the choice is by leaflet and unit, so a unit's spans are all kept or all left out. Default: 0.01.
    /// </summary>
    public double LeafletUnitTraceSampling { get; set; } = 0.01;
}
