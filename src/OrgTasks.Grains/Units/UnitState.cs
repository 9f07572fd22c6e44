namespace OrgTasks.Grains.Units;

/// <summary>
/// A unit's persistent state: only its configuration, which changes when the organization file is applied. The hot
/// path (statements held, leaflets passing) is in the journals, not here, so it can be written in bulk.
/// </summary>
[GenerateSerializer, Alias("orgtasks.unit-state.v1")]
public sealed class UnitState
{
    [Id(0)] public UnitConfig? Config { get; set; }
}
