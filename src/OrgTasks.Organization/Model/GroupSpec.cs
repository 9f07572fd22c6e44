namespace OrgTasks.Organization;

/// <summary>
/// A group under the committee or under another group. <paramref name="Contact"/> is the one member who
/// transmits upward; <paramref name="Alternates"/> take over from the contact, in order.
/// Contact and alternates are always among <paramref name="Members"/>.
/// </summary>
public sealed record GroupSpec(
    string Id,
    GroupKind Kind,
    string Parent,
    Secrecy Secrecy,
    Affiliation Affiliation,
    string Contact,
    IReadOnlyList<string> Alternates,
    IReadOnlyList<string> Members)
{
    /// <summary>For a propaganda group: the district groups that carry its material down to their distributors
    /// (<c>delivers-through</c>), in file order. Empty for every other group.</summary>
    public IReadOnlyList<string> DeliversThrough { get; init; } = [];
}
