namespace OrgTasks.Plan;

/// <summary>
/// What a unit knows of a unit directly below it: where to send leaflets, and which agent alone may hand that
/// child's statements up to it (the child's appointed contact).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChildLink(
    [property: Id(0)] UnitRef Unit,
    [property: Id(1)] string Contact,
    [property: Id(2)] Affiliation Affiliation);
