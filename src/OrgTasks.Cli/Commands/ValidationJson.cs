using OrgTasks.Cli.OrgFiles;

namespace OrgTasks.Cli.Commands;

/// <summary>What <c>org validate --json</c> prints: the verdict, every error, and the size of a valid organization.</summary>
internal sealed record ValidationJson(
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

    public static ValidationJson Of(CheckedOrgFile file)
    {
        var spec = file.Result.Organization;
        return new ValidationJson(
            file.Path,
            file.IsValid,
            spec?.Name,
            file.Result.Errors.Select(e => new Error(e.File, e.Line, e.Field, e.Message, e.ToString())).ToList(),
            spec?.UnitCount ?? 0,
            spec?.Agents.Count ?? 0,
            spec?.HomeCount ?? 0,
            file.LoadTime.TotalSeconds);
    }
}
