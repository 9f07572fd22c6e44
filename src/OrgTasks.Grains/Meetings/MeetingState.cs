using OrgTasks.Meetings;

namespace OrgTasks.Grains.Meetings;

/// <summary>A meeting's persistent state: the plan (written once) and each unit's answer.</summary>
[GenerateSerializer, Alias("orgtasks.meeting-state.v1")]
public sealed class MeetingState
{
    [Id(0)] public MeetingPlan? Plan { get; set; }
    [Id(1)] public string Organization { get; set; } = "";
    /// <summary>The invited units with their kinds, in the plan's order.</summary>
    [Id(2)] public List<UnitRef> Units { get; set; } = [];
    /// <summary>Unit → the contact the invitation was addressed to.</summary>
    [Id(3)] public Dictionary<string, string> Contacts { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public Dictionary<string, Invitation> Answers { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Units whose invitation reached them (a retried plan sends the others again).</summary>
    [Id(5)] public HashSet<string> Delivered { get; set; } = new(StringComparer.Ordinal);
}
