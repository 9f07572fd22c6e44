using OrgTasks.Meetings;

namespace OrgTasks.Grains;

/// <summary>A secret meeting arranged by the committee (key: the meeting id).</summary>
public interface IMeetingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Arranges the meeting and sends each invited unit's contact its invitation. Callers: the committee, its free
    /// members (officers), an operator acting for it. Idempotent: the first plan under an id stands.
    /// </summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<MeetingView> Plan(MeetingPlan plan);

    /// <summary>How many of <paramref name="unit"/> will come. Callers: that unit's contact (or an operator).</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the invited unit's current contact")]
    Task<MeetingView> Answer(string unit, int coming);

    /// <summary>The meeting as the caller may see it: whole for the committee's officers, its own invitations for an attendee.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the committee's free members see every unit; a free member of an invited unit only its own invitation")]
    Task<MeetingView> Show();
}
