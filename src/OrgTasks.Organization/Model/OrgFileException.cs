namespace OrgTasks.Organization;

/// <summary>Thrown by <see cref="OrgFile.LoadValid"/>; lists every error found, one per line of the message.</summary>
public sealed class OrgFileException : Exception
{
    public OrgFileException(IReadOnlyList<OrgError> errors)
        : base(string.Join("\n", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<OrgError> Errors { get; }
}
