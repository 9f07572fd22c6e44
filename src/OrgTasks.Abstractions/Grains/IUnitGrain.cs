using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>What every unit is: configured from the organization file, a hop for statements, a receiver of leaflets.</summary>
public interface IUnitGrain : IGrainWithStringKey, IStatementHop, ILeafletReceiver, ILeafletIssuer, INoticeBoard, IReportingUnit, IWatchedUnit
{
    /// <summary>Sets this unit's configuration (from <c>org apply</c> and the organization's life).</summary>
    [Access(Clients.None)]
    Task Configure(UnitConfig config);

    /// <summary>Removes the unit (it was taken out of the organization file).</summary>
    [Access(Clients.None)]
    Task Dissolve();

    /// <summary>
    /// The unit's configuration; empty when the unit does not exist. An agent reads only the committee's, as one of its
    /// free members (its members, functions, executive and candidates: <c>committee show</c>); any other unit's would
    /// name its organization and the unit above it.
    /// </summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee, the committee's own only")]
    Task<UnitConfig?> GetConfig();

    /// <summary>
    /// Composition and activity, as far as the caller may see them: members see what the group's degree of secrecy
    /// allows, delegates and operators see everything. Anybody else is refused.
    /// </summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member (as the secrecy degree allows) or a delegate detailed there")]
    Task<OrgTasks.Life.GroupView> GetComposition();
}

/// <summary>The local committee: head of the city's work, holder of the statement inbox.</summary>
public interface ICommitteeGrain : IUnitGrain;

/// <summary>Any group below the committee: district, factory sub-committee, factory groups and special groups.</summary>
public interface IGroupGrain : IUnitGrain;

/// <summary>The Central Committee: practical leadership; receives statements through committees' contacts.</summary>
public interface ICentralCommitteeGrain : IUnitGrain;

/// <summary>The Central Organ: the newspaper; receives statements and publishes to the committees.</summary>
public interface ICentralOrganGrain : IUnitGrain;
