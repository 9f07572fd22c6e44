namespace OrgTasks.Organization;

/// <summary>
/// One fault in an organization file. <see cref="ToString"/> is the one format users see, for example
/// <c>samples/x.yaml:14: groups[2].contact: 'petya' is not among the members of group 'spb/narva'</c>.
/// </summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="Line">1-based line of the offending node; 0 when the file itself could not be read.</param>
/// <param name="Field">Path of the field, such as <c>groups[2].contact</c> (list indexes are 0-based).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record OrgError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
