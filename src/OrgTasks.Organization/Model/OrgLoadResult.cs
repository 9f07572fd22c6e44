namespace OrgTasks.Organization;

/// <summary>
/// The outcome of loading a file: the organization when the file is valid, otherwise every error found
/// (sorted by line). An invalid file yields no organization at all, so nothing half-valid can be applied.
/// </summary>
public sealed record OrgLoadResult(OrganizationSpec? Organization, IReadOnlyList<OrgError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Organization is not null;
}
