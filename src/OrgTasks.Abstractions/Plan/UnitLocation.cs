namespace OrgTasks.Plan;

/// <summary>Which organization a unit belongs to, and its kind: what a client needs to reach the unit's grain.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitLocation([property: Id(0)] string Organization, [property: Id(1)] UnitRef Unit);
