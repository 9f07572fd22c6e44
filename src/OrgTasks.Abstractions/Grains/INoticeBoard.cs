using OrgTasks.Life;

namespace OrgTasks.Grains;

/// <summary>What a unit has been told: groups cut off, warnings about provocateurs, alarms. Newest first.</summary>
public interface INoticeBoard : IGrainWithStringKey
{
    /// <summary>Pins a notice (from the organization directory or the centre). A notice id already pinned is ignored.</summary>
    [Access(Clients.None)]
    Task Notify(Notice notice);

    /// <summary>The latest notices, newest first. Members of the unit, its delegates and operators may read them.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the unit or a delegate detailed there")]
    Task<IReadOnlyList<Notice>> GetNotices(int limit);

    /// <summary>
    /// Carries a meeting invitation one unit down the contacts' chain toward the invited unit (the last of
    /// <paramref name="below"/>), which pins it for its contact. Callers: the meeting grain (to the committee), then
    /// each unit to its own child on the way.
    /// </summary>
    [Access(Clients.None)]
    Task PassInvitation(Notice invitation, IReadOnlyList<OrgTasks.Plan.UnitRef> below);
}
