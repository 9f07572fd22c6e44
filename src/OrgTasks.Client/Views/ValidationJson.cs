using OrgTasks.Organization;

namespace OrgTasks.Client.Views;

/// <summary>
/// The verdict on an organization file, every error, and the size of a valid organization: what <c>org validate
/// --json</c> prints and what the HTTP API answers (the errors name file, line and field).
/// </summary>
public sealed record ValidationJson(
    string File,
    bool Valid,
    string? Organization,
    IReadOnlyList<ValidationJson.Error> Errors,
    int Units,
    int Agents,
    long Homes,
    double LoadSeconds)
{
    public sealed record Error(string File, int Line, string Field, string Message, string Text);

    public static ValidationJson Of(string file, OrgLoadResult result, TimeSpan loadTime)
    {
        var spec = result.Organization;
        return new ValidationJson(
            file,
            result.IsValid,
            spec?.Name,
            result.Errors.Select(e => new Error(e.File, e.Line, e.Field, e.Message, e.ToString())).ToList(),
            spec?.UnitCount ?? 0,
            spec?.Agents.Count ?? 0,
            spec?.HomeCount ?? 0,
            loadTime.TotalSeconds);
    }
}
