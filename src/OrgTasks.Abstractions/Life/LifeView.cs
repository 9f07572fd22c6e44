namespace OrgTasks.Life;

/// <summary>The organization's life as the centre sees it: who is out of action, which groups are cut off.</summary>
[GenerateSerializer, Immutable]
public sealed record LifeView
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public IReadOnlyList<string> Arrested { get; init; } = [];
    [Id(2)] public IReadOnlyList<string> Suspended { get; init; } = [];
    [Id(3)] public IReadOnlyList<string> CutOff { get; init; } = [];
    /// <summary>Group → delegates detailed to it.</summary>
    [Id(4)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Delegates { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Whether the Central Committee has consented to the committee (always true without a Central Committee).</summary>
    [Id(5)] public bool Consented { get; init; }
    /// <summary>A short fingerprint of the centre's public key; empty when no key is installed.</summary>
    [Id(6)] public string CentreKey { get; init; } = "";
    [Id(7)] public IReadOnlyList<Proposal> Proposals { get; init; } = [];
    /// <summary>Groups re-established from their sealed deposit.</summary>
    [Id(8)] public IReadOnlyList<string> Reestablished { get; init; } = [];
    /// <summary>Suspended agent → when the warning about it was given.</summary>
    [Id(9)] public IReadOnlyDictionary<string, DateTimeOffset> WarnedAt { get; init; } = new Dictionary<string, DateTimeOffset>();
    /// <summary>Every detailing of a delegate, with who did it, oldest first.</summary>
    [Id(10)] public IReadOnlyList<DelegateDetail> DelegateDetails { get; init; } = [];
}
