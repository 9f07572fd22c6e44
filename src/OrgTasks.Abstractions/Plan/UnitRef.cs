namespace OrgTasks.Plan;

/// <summary>A unit's id together with its kind: the kind picks the grain class, the id is the grain key.</summary>
[GenerateSerializer, Immutable]
public readonly record struct UnitRef([property: Id(0)] string Id, [property: Id(1)] UnitKind Kind)
{
    public override string ToString() => Id;
}
