using OrgTasks.Meetings;

namespace OrgTasks.Client;

/// <summary>Secret meetings: the committee arranges, each invited unit's contact answers, attendees see only their own invitation.</summary>
public sealed partial class OrgTasksClient
{
    /// <summary>Arranges a meeting as <paramref name="by"/> (the operator acting for the committee when none is given); returns the committee's view.</summary>
    public Task<MeetingView> PlanMeetingAsync(string committee, DateTimeOffset at, string place, IReadOnlyList<string> invite, Actor? by = null)
    {
        var plan = new MeetingPlan { Id = Ids.NewMeetingId(), Committee = committee, At = at, Place = place, Invited = invite };
        return As(by ?? Operator, () => Grains.GetGrain<IMeetingGrain>(plan.Id).Plan(plan));
    }

    /// <summary>How many of <paramref name="unit"/> will come, answered as <paramref name="contact"/> (the unit's contact).</summary>
    public Task<MeetingView> AnswerMeetingAsync(string meeting, string unit, int coming, Actor? contact = null) =>
        As(contact ?? Operator, () => Grains.GetGrain<IMeetingGrain>(meeting).Answer(unit, coming));

    /// <summary>The meeting as <paramref name="reader"/> may see it (the whole of it for the operator).</summary>
    public Task<MeetingView> ShowMeetingAsync(string meeting, Actor? reader = null) =>
        As(reader ?? Operator, () => Grains.GetGrain<IMeetingGrain>(meeting).Show());
}
