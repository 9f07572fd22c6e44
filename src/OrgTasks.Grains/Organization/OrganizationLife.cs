namespace OrgTasks.Grains.Organization;

/// <summary>
/// The organization's life on top of its file, persisted apart from the (large) applied plan so that an arrest or a
/// vote writes a few hundred bytes, not the whole city. The effective organization is always
/// <see cref="LifeRules.Apply"/>(plan, this): deterministic, so every activation rebuilds the same one.
/// </summary>
[GenerateSerializer, Alias("orgtasks.organization-life.v1")]
public sealed class OrganizationLife
{
    /// <summary>Agents out of action.</summary>
    [Id(0)] public Dictionary<string, AgentStanding> Standings { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Why each suspended agent was suspended (kept for the review; never logged).</summary>
    [Id(1)] public Dictionary<string, string> WarningReasons { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Agents co-opted into the committee, with their function, in order.</summary>
    [Id(2)] public List<CoOptedMember> CoOpted { get; set; } = [];
    /// <summary>Members seated in the executive by a vote, in order.</summary>
    [Id(3)] public List<string> ExecutiveAdded { get; set; } = [];
    [Id(4)] public List<Proposal> Proposals { get; set; } = [];
    [Id(5)] public bool Consented { get; set; }
    [Id(6)] public byte[]? CentreKey { get; set; }
    /// <summary>Unit → delegates detailed to it.</summary>
    [Id(7)] public Dictionary<string, List<string>> Delegates { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Group → how it was re-established.</summary>
    [Id(8)] public Dictionary<string, Reestablishment> Reestablished { get; set; } = new(StringComparer.Ordinal);
    /// <summary>
    /// The fingerprint last sent to each unit or agent whose configuration differs from the file's; for everything
    /// else the file's fingerprint (in <see cref="OrganizationState"/>) is what was sent.
    /// </summary>
    [Id(9)] public Dictionary<string, string> Overrides { get; set; } = new(StringComparer.Ordinal);
    [Id(10)] public int NextProposal { get; set; } = 1;
    /// <summary>
    /// Suspended agents who are also arrested (see <see cref="StandingRules"/>): when the warning is cleared they stay
    /// arrested, and a release ends the arrest but not the warning.
    /// </summary>
    [Id(11)] public HashSet<string> ArrestedUnderWarning { get; set; } = new(StringComparer.Ordinal);
    /// <summary>When the warning about each suspended agent was given (the first warning stands until it is cleared).</summary>
    [Id(12)] public Dictionary<string, DateTimeOffset> WarnedAt { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Every detailing of a delegate, in order, with who did it.</summary>
    [Id(13)] public List<DelegateDetail> DelegateDetails { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record CoOptedMember([property: Id(0)] string Agent, [property: Id(1)] string Function);

/// <summary>A group reconstituted from its deposit: the delegate as contact, and the deposit's members and routes.</summary>
[GenerateSerializer, Immutable]
public sealed record Reestablishment
{
    [Id(0)] public required string Delegate { get; init; }
    [Id(1)] public required IReadOnlyList<string> Members { get; init; }
    [Id(2)] public IReadOnlyList<string> Alternates { get; init; } = [];
    [Id(3)] public required int DepositVersion { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
}
