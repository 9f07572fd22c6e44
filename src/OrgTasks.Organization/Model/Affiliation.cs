namespace OrgTasks.Organization;

/// <summary>
/// How far a group knows that it belongs to the organization. YAML: <c>member | associated | unaware</c>;
/// <c>member</c> when omitted. An <see cref="Unaware"/> group (a students' self-education circle, say)
/// must not even learn that it belongs.
/// </summary>
public enum Affiliation
{
    Member,
    Associated,
    Unaware,
}
