namespace OrgTasks.Meetings;

/// <summary>A secret meeting the committee arranges: when, where, and which units are invited.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingPlan
{
    /// <summary>Made by the client, so that a retried plan is recognised.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Committee { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    [Id(3)] public required string Place { get; init; }
    [Id(4)] public required IReadOnlyList<string> Invited { get; init; }
}

/// <summary>
/// A meeting as the reader may see it. The committee's officers see every invited unit with its contact and its
/// answer; anybody else sees only the place, the time and the invitations of its own units: never the list of units
/// nor who represents whom (the committee's name too stays out of that view).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MeetingView
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>Empty in an attendee's view.</summary>
    [Id(1)] public string Committee { get; init; } = "";
    [Id(2)] public required DateTimeOffset At { get; init; }
    [Id(3)] public required string Place { get; init; }
    [Id(4)] public IReadOnlyList<Invitation> Invitations { get; init; } = [];
    /// <summary>Everyone coming, over all units; only in the committee's view.</summary>
    [Id(5)] public int? Coming { get; init; }
    /// <summary>Whether this is the committee's whole view (false: an attendee's own invitation only).</summary>
    [Id(6)] public bool Whole { get; init; }
}

/// <summary>One unit's invitation and its answer.</summary>
[GenerateSerializer, Immutable]
public sealed record Invitation
{
    [Id(0)] public required string Unit { get; init; }
    /// <summary>The contact the invitation was addressed to (who represents the unit); only in the committee's view.</summary>
    [Id(1)] public string? Contact { get; init; }
    /// <summary>How many will come, as the unit answered; empty until it answers.</summary>
    [Id(2)] public int? Coming { get; init; }
    [Id(3)] public DateTimeOffset? AnsweredAt { get; init; }
}
