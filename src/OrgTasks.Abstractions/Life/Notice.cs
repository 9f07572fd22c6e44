namespace OrgTasks.Life;

/// <summary>What a unit is told about the organization's life: an arrest that cut a group off, a warning, an alarm.</summary>
[GenerateSerializer, Immutable]
public sealed record Notice
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required NoticeKind Kind { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    /// <summary>The agent or unit the notice is about.</summary>
    [Id(3)] public required string About { get; init; }
    /// <summary>Readable text. For an unaware group it names nothing of the organization or its tree.</summary>
    [Id(4)] public required string Text { get; init; }
}

[GenerateSerializer]
public enum NoticeKind
{
    /// <summary>A group has nobody left to take over its contact or its routes.</summary>
    CutOff = 0,
    /// <summary>A group cut off before has a contact again.</summary>
    Reestablished = 1,
    /// <summary>Beware of this person: a suspected provocateur.</summary>
    Warning = 2,
    WarningLifted = 3,
    /// <summary>A district or factory has had no distribution for longer than the committee allows.</summary>
    IdleAlarm = 4,
    /// <summary>A group's regular report is overdue.</summary>
    ReportOverdue = 5,
    /// <summary>The committee took in a new member, or the Central Committee consented to the committee.</summary>
    Committee = 6,
    /// <summary>Statements by a suspect still on their way are held in quarantine for the committee's review.</summary>
    Quarantine = 7,
    /// <summary>An invitation to a secret meeting, addressed to the unit's contact: place, time and this unit only.</summary>
    Meeting = 8,
}
