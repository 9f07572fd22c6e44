namespace OrgTasks.Life;

/// <summary>What one event of the organization's life (an arrest, a release, a co-optation …) changed.</summary>
[GenerateSerializer, Immutable]
public sealed record LifeReport
{
    /// <summary>One line per change, e.g. "spb/narva: contact petya → fedya".</summary>
    [Id(0)] public IReadOnlyList<string> Changes { get; init; } = [];
    /// <summary>Groups with nobody left to take over.</summary>
    [Id(1)] public IReadOnlyList<string> CutOff { get; init; } = [];
    /// <summary>Units and agents whose configuration was sent again.</summary>
    [Id(2)] public int Reconfigured { get; init; }
    [Id(3)] public bool NothingChanged { get; init; }
}
