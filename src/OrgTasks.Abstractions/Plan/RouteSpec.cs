namespace OrgTasks.Plan;

/// <summary>
/// The homes on one distributor's route. Addresses written out in the organization file are kept; synthetic homes are
/// only a count, so that a million-home city does not hold a million strings. Home <c>i</c> (0-based) is
/// <c>Addresses[i]</c> for the written ones, then the synthetic ones follow.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RouteSpec(
    [property: Id(0)] IReadOnlyList<string> Addresses,
    [property: Id(1)] int SyntheticHomes)
{
    public static RouteSpec Empty { get; } = new([], 0);
    public int HomeCount => Addresses.Count + SyntheticHomes;
}
