using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>
/// The organization directory, keyed by the organization's name: holds the applied plan, makes the units and agents
/// match it, and describes the tree to operators and leaflet trackers.
/// </summary>
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Makes the cluster match the plan; reports what changed. The same plan twice changes nothing.</summary>
    Task<ApplyReport> Apply(OrganizationPlan plan);

    /// <summary>The units of the subtree under <paramref name="unitId"/> (the committee when empty), parents first.</summary>
    Task<IReadOnlyList<UnitSummary>> Describe(string? unitId);

    /// <summary>
    /// The units a leaflet issued by <paramref name="issuer"/> to the subtree of <paramref name="scope"/> must reach,
    /// parents first. Refuses a scope outside the issuer's own subtree (a central body may issue to the whole committee).
    /// </summary>
    Task<IReadOnlyList<UnitSummary>> GetScope(string issuer, string scope);

    /// <summary>The committee's id, or empty when nothing was applied.</summary>
    Task<string?> GetCommittee();
}

/// <summary>The list of organizations in this cluster (one grain, key <see cref="Key"/>).</summary>
public interface IOrganizationRegistryGrain : IGrainWithStringKey
{
    public const string Key = "registry";

    /// <summary>Records an applied organization and its units (replacing what was recorded for it before).</summary>
    Task Register(string organization, string committee, IReadOnlyList<UnitRef> units);

    /// <summary>Organization name → committee id.</summary>
    Task<IReadOnlyDictionary<string, string>> List();

    /// <summary>Where a unit is, or empty when no applied organization has it.</summary>
    Task<UnitLocation?> FindUnit(string unit);
}
