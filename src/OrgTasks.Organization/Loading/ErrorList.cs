namespace OrgTasks.Organization.Loading;

/// <summary>
/// Collects every error of one load. Loading and validation keep going after an error so that the user sees
/// all faults at once instead of fixing them one run at a time.
/// </summary>
internal sealed class ErrorList
{
    private readonly List<OrgError> errors = [];

    public ErrorList(string file)
    {
        File = file;
    }

    public string File { get; }

    public int Count => errors.Count;

    public void Add(int line, string field, string message) => errors.Add(new OrgError(File, line, field, message));

    public void Add<T>(Located<T> at, string message) => Add(at.Line, at.Field, message);

    /// <summary>The errors in line order (stable, so faults on one line keep the order they were found in).</summary>
    public IReadOnlyList<OrgError> InLineOrder() => errors.OrderBy(error => error.Line).ToArray();
}
