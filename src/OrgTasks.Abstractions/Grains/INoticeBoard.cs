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
}
