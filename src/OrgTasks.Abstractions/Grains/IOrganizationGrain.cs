using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>
/// The organization directory, keyed by the organization's name: holds the applied plan, makes the units and agents
/// match it, and describes the tree to operators and leaflet trackers.
/// </summary>
public interface IOrganizationGrain : IGrainWithStringKey, IOrganizationLife
{
    /// <summary>Makes the cluster match the plan; reports what changed. The same plan twice changes nothing.</summary>
    [Access(Clients.Operator)]
    Task<ApplyReport> Apply(OrganizationPlan plan);

    /// <summary>The units of the subtree under <paramref name="unitId"/> (the committee when empty), parents first.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the committee")]
    Task<IReadOnlyList<UnitSummary>> Describe(string? unitId);

    /// <summary>
    /// The units a leaflet issued by <paramref name="issuer"/> to the subtree of <paramref name="scope"/> must reach,
    /// parents first. Refuses a scope outside the issuer's own subtree (a central body may issue to the whole committee).
    /// </summary>
    [Access(Clients.None)]
    Task<IReadOnlyList<UnitSummary>> GetScope(string issuer, string scope);

    /// <summary>The committee's id, or empty when nothing was applied.</summary>
    [Access(Clients.Operator)]
    Task<string?> GetCommittee();

    /// <summary>
    /// Which of these unit and agent ids this organization already has, one line each naming it; a central body of the
    /// same kind is not one of them (every committee that names it shares it). Asked by another organization's apply.
    /// </summary>
    [Access(Clients.None)]
    Task<IReadOnlyList<string>> Claims(IReadOnlyList<UnitRef> units, IReadOnlyList<string> agents);
}

/// <summary>
/// The organization's life on top of its file: arrests, provocateur warnings, co-optation, delegates, the centre's key,
/// re-established groups. Each event changes the effective organization (the file with the event applied) and sends
/// the units and agents whose configuration changed their new one; applying the file again keeps the events.
/// Callers: operators acting for the committee or the centre; where the letter says who decides, the grain checks it.
/// </summary>
public interface IOrganizationLife : IGrainWithStringKey
{
    /// <summary>The agent is lost: its contact duties pass to the first free alternate, its route to an alternate or
    /// to the group's other distributors, an executive seat to the next candidate. Arresting again changes nothing.</summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> Arrest(string agent);

    /// <summary>Several arrests at once (a raid): one recomputation and one round of configurations for all of them.</summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> ArrestAll(IReadOnlyList<string> agents);

    /// <summary>Several releases at once (arrested agents only; a warning is lifted only by clear).</summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> ReleaseAll(IReadOnlyList<string> agents);

    /// <summary>The agent is free again and takes back what the file gives it.</summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> Release(string agent);

    /// <summary>Suspends a suspected provocateur at once and warns the groups where the suspect is known.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the committee")]
    Task<OrgTasks.Life.LifeReport> Warn(string suspect, string reason);

    /// <summary>Lifts a warning: the agent acts again; quarantined statements travel on.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the committee")]
    Task<OrgTasks.Life.LifeReport> Clear(string agent);

    /// <summary>Proposes to co-opt <paramref name="agent"/> as a committee member with <paramref name="function"/>, or
    /// (with <paramref name="executive"/>) to seat a member in the executive group (at most five).</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<OrgTasks.Life.Proposal> Propose(string agent, string function, bool executive);

    /// <summary>A committee member's vote; once the threshold is reached the proposal takes effect.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee, voting as itself")]
    Task<OrgTasks.Life.Proposal> Vote(string proposal, string member, bool yes);

    /// <summary>The Central Committee consents to the committee: statements to the central bodies may go up.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the Central Committee")]
    Task<OrgTasks.Life.LifeReport> Consent();

    /// <summary>Details <paramref name="agent"/> as a delegate to <paramref name="unit"/> (any group or sub-group).</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the committee")]
    Task<OrgTasks.Life.LifeReport> DetailDelegate(string agent, string unit);

    /// <summary>Installs the centre's public key (SubjectPublicKeyInfo DER); every group deposits its contacts sealed with it.</summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> InstallCentreKey(byte[] publicKey);

    /// <summary>
    /// Reconstitutes a group lost to arrests from its opened deposit: the Central Committee's delegate becomes its
    /// contact, the deposit's free members its members, and the routes in the deposit are carried again.
    /// </summary>
    [Access(Clients.Operator)]
    Task<OrgTasks.Life.LifeReport> Reestablish(string group, string delegateAgent, OrgTasks.Deposits.DepositContents deposit);

    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<OrgTasks.Life.LifeView> GetLife();
}

/// <summary>The list of organizations in this cluster (one grain, key <see cref="Key"/>).</summary>
public interface IOrganizationRegistryGrain : IGrainWithStringKey
{
    public const string Key = "registry";

    /// <summary>Records an applied organization and its units (replacing what was recorded for it before).</summary>
    [Access(Clients.None)]
    Task Register(string organization, string committee, IReadOnlyList<UnitRef> units);

    /// <summary>Organization name → committee id.</summary>
    [Access(Clients.Operator)]
    Task<IReadOnlyDictionary<string, string>> List();

    /// <summary>Where a unit is, or empty when no applied organization has it.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a member, contact or delegate of the unit; the organization is named to the committee's members only")]
    Task<UnitLocation?> FindUnit(string unit);

    /// <summary>Records an agent's standing (from the organization's life). Free removes the entry.</summary>
    [Access(Clients.None)]
    Task SetStanding(string agent, OrgTasks.Life.AgentStanding standing);

    /// <summary>Records many agents' standings at once (a raid): one write, one new version.</summary>
    [Access(Clients.None)]
    Task SetStandings(IReadOnlyDictionary<string, OrgTasks.Life.AgentStanding> standings);

    /// <summary>Every agent who is not free, when the list is newer than <paramref name="knownVersion"/>; empty otherwise.
    /// Each silo polls this to refuse calls on behalf of arrested or suspended agents.</summary>
    [Access(Clients.None)]
    Task<OrgTasks.Life.Standings?> GetStandings(long knownVersion);
}
